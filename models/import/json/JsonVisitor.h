#pragma once

#include "JsonType.h"
#include "JsonValue.h"
#include "import/SourceRecords.h"

namespace trh {

class JsonStream;

// What a reader wants done with the JSON values of a file, given one at a time by
// JsonStream. A visitor sees the root and the members / elements of every container it chose
// to descend into; it tells per value whether to skip it, descend into it (containers), or
// capture it whole into a small JsonTree delivered to value(). A reader keeps its own stack
// of contexts (pushed in enter() on Descend, popped in leave()) to know where it is.
class JsonVisitor
{
public:
    enum class Action
    {
        Skip,    // ignore the value and everything inside it
        Descend, // containers: announce its members / elements to enter() too
        Capture, // build a tree of the value and hand it to value()
        Stop,    // stop reading: Failed if the visitor called JsonStream::fail(), else Stopped
    };
    virtual ~JsonVisitor() = default;

    // A value starts. stream.key() / stream.index() / stream.path() say where.
    virtual Action enter(JsonStream &stream, JsonType type) = 0;
    // A captured value is complete; `pos` is where it started. `value` (and every view into
    // it) is valid during the call only. Return false to stop.
    virtual bool value(JsonStream &stream, const JsonValue &value, const SourcePos &pos) = 0;
    // A container the visitor descended into ends (stream.path() names it). False to stop.
    virtual bool leave(JsonStream &stream) = 0;
};

} // namespace trh

#pragma once

#include <QString>

#include <string_view>

namespace trh {

// Maps an OS Platform answer to the summary's platform names: "Windows", "Linux", "Mac";
// another real answer is kept as given (trimmed); an empty or special answer gives "".
QString normalizedPlatform(const QString &answer);
// True for the boolean answers "True", "true", "Yes", "1".
bool isTrueAnswer(std::string_view answer);
// True for "False", "false", "No", "0".
bool isFalseAnswer(std::string_view answer);

} // namespace trh

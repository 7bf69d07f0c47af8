// Writes the benchmark input: the console CSV of "Get Computer Name and OS Platform and Client
// Extensions - Status" for a fleet (one row per endpoint, Domain/Key/Value multi-line cells),
// and the same lines flattened to one per row for the sqlite3 shell's .import.
//
//   trhealth-bench-gen ENDPOINTS OUTDIR [SEED]
//
// A different SEED changes which endpoints fail, so two files make two months to compare.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

struct Line
{
    const char *domain;
    const char *key;
    std::string value;
};

unsigned long long next(unsigned long long &state)
{
    state += 0x9E3779B97F4A7C15ULL;
    unsigned long long z = state;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

void quoteInto(std::string &out, const std::string &cell)
{
    out.push_back('"');
    for (char c : cell) {
        if (c == '"')
            out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 3 && argc != 4) {
        std::fprintf(stderr, "usage: %s ENDPOINTS OUTDIR [SEED]\n", argv[0]);
        return 1;
    }
    const long endpoints = std::strtol(argv[1], nullptr, 10);
    const std::string dir = argv[2];
    const std::string consolePath =
        dir + "/Get Computer Name and OS Platform and Client Extensions - Status.csv";
    const std::string flatPath = dir + "/flattened.csv";
    FILE *console = std::fopen(consolePath.c_str(), "wb");
    FILE *flat = std::fopen(flatPath.c_str(), "wb");
    if (!console || !flat || endpoints <= 0) {
        std::fprintf(stderr, "cannot write into %s\n", dir.c_str());
        return 1;
    }
    std::fputs("Computer Name,OS Platform,Domain,Key,Value,Count\r\n", console);
    std::fputs("Computer Name,OS Platform,Domain,Key,Value\n", flat);
    unsigned long long rng = argc == 4 ? std::strtoull(argv[3], nullptr, 10) : 20261128;
    std::vector<Line> lines;
    std::string row, domains, keys, values, flatRows;
    long totalLines = 0;
    for (long e = 0; e < endpoints; ++e) {
        const unsigned long long r = next(rng);
        // The platform (and so the name) depends on the endpoint only; failures on the seed.
        const long bucket = (e * 7919) % 100;
        const bool windows = bucket < 60;
        const char *platform = windows ? "Windows" : (bucket < 95 ? "Linux" : "Mac");
        char name[64];
        std::snprintf(name, sizeof name, "%s-%05ld.corp.example.com", windows ? "WKS" : "srv", e);
        auto health = [&](int salt) {
            return (r >> salt) % 50 == 0 ? std::string("stalled: no events for 3600 seconds")
                                         : std::string("ok");
        };
        lines.clear();
        lines.push_back({"dec", "health_check", health(3)});
        lines.push_back({"index", "health_check", health(7)});
        lines.push_back({"recorder", "health_check", health(11)});
        lines.push_back({"recorder", "has_event_source", windows ? "TaniumDriver" : "eBPF"});
        lines.push_back({"recorder", "has_subscription", "threatresponse,index"});
        lines.push_back({"recorder", "is_using_tanium_driver", windows ? "True" : "False"});
        lines.push_back({"recorder", "min_requirements_met", (r >> 13) % 40 ? "True" : "False"});
        lines.push_back({"stream", "health_check", health(17)});
        lines.push_back({"threatresponse", "health_check", health(19)});
        lines.push_back({"threatresponse", "applied_intel_revision", "2026112"});
        lines.push_back({"threatresponse", "applied_profile",
                         windows ? "Windows Workstations" : "Linux Servers"});
        lines.push_back({"threatresponse", "applied_profile_id", windows ? "12" : "14"});
        lines.push_back({"threatresponse", "applied_profile_revision", "7"});
        if (e % 2 == 0)
            lines.push_back({"patch", "health_check", "ok"});
        domains.clear();
        keys.clear();
        values.clear();
        flatRows.clear();
        for (size_t i = 0; i < lines.size(); ++i) {
            if (i) {
                domains += "\r\n";
                keys += "\r\n";
                values += "\r\n";
            }
            domains += lines[i].domain;
            keys += lines[i].key;
            values += lines[i].value;
            flatRows += name;
            flatRows += ',';
            flatRows += platform;
            flatRows += ',';
            flatRows += lines[i].domain;
            flatRows += ',';
            flatRows += lines[i].key;
            flatRows += ',';
            quoteInto(flatRows, lines[i].value);
            flatRows += '\n';
        }
        totalLines += long(lines.size());
        row.clear();
        row += name;
        row += ',';
        row += platform;
        row += ',';
        quoteInto(row, domains);
        row += ',';
        quoteInto(row, keys);
        row += ',';
        quoteInto(row, values);
        row += ",1\r\n";
        std::fwrite(row.data(), 1, row.size(), console);
        std::fwrite(flatRows.data(), 1, flatRows.size(), flat);
    }
    std::fclose(console);
    std::fclose(flat);
    std::printf("%ld endpoints, %ld Domain/Key/Value lines\n", endpoints, totalLines);
    return 0;
}

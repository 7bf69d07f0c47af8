// Sanitizer defaults for every harness; ASAN_OPTIONS / UBSAN_OPTIONS still override them.
extern "C" const char *__ubsan_default_options()
{
    // Recoverable checks (see TRHEALTH_FUZZ_SANITIZERS) halt too, unless suppressed.
    return "halt_on_error=1:print_stacktrace=1:suppressions=" TRH_FUZZ_UBSAN_SUPPRESSIONS;
}

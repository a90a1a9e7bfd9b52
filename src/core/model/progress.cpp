// Core's own pv_give_host_turn (progress.h): nothing to give where no host
// waits, as in the CLI, the tests and the Node module. A program that has a
// host to serve defines its own, which the linker takes over this weak one.
#include "core/model/progress.h"

extern "C" __attribute__((weak)) void pv_give_host_turn() {}

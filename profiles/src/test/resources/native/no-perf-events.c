/*
 * LD_PRELOAD shim for CpuEngineFallbackTest: perf_event_open fails with EACCES, as it does in a container or
 * with kernel.perf_event_paranoid > 2, so async-profiler's perf_events engine cannot start. Every other
 * syscall() goes to libc. async-profiler reaches perf_event_open through libc's syscall(), which this replaces.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdarg.h>
#include <sys/syscall.h>

long syscall(long number, ...) {
    va_list ap;
    va_start(ap, number);
    long a1 = va_arg(ap, long), a2 = va_arg(ap, long), a3 = va_arg(ap, long);
    long a4 = va_arg(ap, long), a5 = va_arg(ap, long), a6 = va_arg(ap, long);
    va_end(ap);
    if (number == SYS_perf_event_open) {
        errno = EACCES;
        return -1;
    }
    static long (*real)(long, ...);
    if (real == 0) {
        real = (long (*)(long, ...)) dlsym(RTLD_NEXT, "syscall");
    }
    return real(number, a1, a2, a3, a4, a5, a6);
}

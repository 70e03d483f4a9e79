/* sancov-count.c - the callback of make bench's sancov configuration
   (gcc -fsanitize-coverage=trace-pc): counts the calls, one per basic
   block executed.  Built without the option, linked into the program.
   Silent: the count is there for a debugger to read.  */
#include <stdint.h>

uint64_t bench_sancov_calls;

void __sanitizer_cov_trace_pc (void);

void
__sanitizer_cov_trace_pc (void)
{
  bench_sancov_calls++;
}

/* Includes bpfinst/native.h but defines none of its functions: still an
   instrumenter's native half, never instrumented.  */
#include <bpfinst/native.h>

uint64_t
native_helper (uint64_t a, uint64_t b)
{
  return a + b;
}

#include <bpfinst/native.h>

uint64_t name_bytes;

uint64_t
test_name_bytes (void)
{
  return name_bytes;
}

/* An ordinary file: instrumented (the control for the native-half
   tests).  */
typedef unsigned long long u64;

u64
plain_helper (u64 a, u64 b)
{
  return a + b;
}

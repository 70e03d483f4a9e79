/* The program of the stack-var*.c tests: each operation, then the native
   half's check of what its hook computed.  */

typedef unsigned long long u64;
extern int test_stack (int op, u64 a, u64 b);

__attribute__ ((noipa)) u64
add (u64 a, u64 b)
{
  return a + b;
}

__attribute__ ((noipa)) u64
sub (u64 a, u64 b)
{
  return a - b;
}

__attribute__ ((noipa)) u64
mul (u64 a, u64 b)
{
  return a * b;
}

__attribute__ ((noipa)) u64
udiv (u64 a, u64 b)
{
  return a / b;
}

static const u64 vals[][2] = {
  { 0, 1 }, { 1, 2 }, { 3, 7 }, { 10, 13 }, { 0x1234, 0xfff },
  { 0xfedcba9876543210ull, 0x0123456789abcdefull }, { 5, 0x7ffffffe },
};

int
main (void)
{
  for (unsigned k = 0; k < sizeof vals / sizeof vals[0]; k++)
    {
      u64 a = vals[k][0], b = vals[k][1];
      if (add (a, b) != a + b || !test_stack (0, a, b))
	return 1;
      if (sub (a, b) != a - b || !test_stack (1, a, b))
	return 2;
      if (mul (a, b) != a * b || !test_stack (2, a, b))
	return 3;
      if (udiv (a, b) != a / b || !test_stack (3, a, b))
	return 4;
    }
  return 0;
}

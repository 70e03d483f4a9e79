// Exceptions thrown through functions with and without destructors to
// run, caught in main and in between, rethrown; virtual calls.
#include <cstdio>

struct guard
{
  int n;
  ~guard () { std::fprintf (stdout, "~guard %d\n", n); }
};

struct shape
{
  virtual int area (int) const = 0;
  virtual ~shape () {}
};

struct square : shape
{
  int area (int s) const override { return s * s; }
};

__attribute__ ((noinline)) int
thrower (int x)
{
  if (x > 3)
    throw x;
  return x;
}

__attribute__ ((noinline)) int
bare (int x)
{
  return thrower (x) + 1;
}

__attribute__ ((noinline)) int
guarded (int x)
{
  guard g = { x };
  return bare (x) * 2;
}

__attribute__ ((noinline)) int
middle (int x)
{
  try
    {
      return guarded (x);
    }
  catch (int e)
    {
      if (e > 5)
	throw;
      return -e;
    }
}

__attribute__ ((noinline)) int
measure (const shape &s, int x)
{
  return s.area (x);
}

int
main (int argc, char **)
{
  square sq;
  int r = measure (sq, argc + 2);
  r += middle (argc);
  r += middle (argc + 3);
  try
    {
      r += middle (argc + 6);
    }
  catch (int e)
    {
      r += e;
    }
  std::printf ("%d\n", r);
  return 0;
}

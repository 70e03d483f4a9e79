// Classes, templates, virtual calls and exceptions thrown and caught
// across instrumented functions, with destructors that run during
// unwinding.  Prints a trace; the test compares it with the trace of the
// same program built without the plugin, and with the expected text.
// With the argument "count", the count instrumenter's native half must
// have seen hook calls.
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

extern "C" unsigned long long test_count (unsigned long long code)
  __attribute__ ((weak));

static std::string trace;

struct Guard
{
  explicit Guard (const char *name) : name_ (name)
  {
    trace += '+';
    trace += name_;
  }
  ~Guard ()
  {
    trace += '-';
    trace += name_;
  }
  const char *name_;
};

struct Shape
{
  virtual ~Shape () {}
  virtual long area () const = 0;
};

struct Rect : Shape
{
  Rect (long w, long h) : w_ (w), h_ (h) {}
  long area () const override { return w_ * h_; }
  long w_, h_;
};

struct Square : Rect
{
  explicit Square (long s) : Rect (s, s)
  {
    if (s < 0)
      throw std::invalid_argument ("negative side");
  }
};

template <typename T>
__attribute__ ((noinline)) T
sum (const std::vector<T> &v)
{
  T s = T ();
  for (const T &x : v)
    s += x;
  return s;
}

struct Overflow
{
  int depth;
};

__attribute__ ((noinline)) int
descend (int depth, int limit)
{
  Guard g (depth % 2 ? "o" : "e");
  if (depth == limit)
    throw Overflow { depth };
  return descend (depth + 1, limit) + 1;
}

__attribute__ ((noinline)) long
total_area (const std::vector<long> &sides)
{
  Guard g ("t");
  long t = 0;
  for (long s : sides)
    {
      Square sq (s);
      const Shape &sh = sq;
      t += sh.area ();
    }
  return t;
}

__attribute__ ((noinline)) int
rethrow_through (int limit)
{
  Guard g ("r");
  try
    {
      return descend (0, limit);
    }
  catch (Overflow &o)
    {
      o.depth += 100;
      throw;
    }
}

int
main (int argc, char **argv)
{
  char buf[64];
  std::vector<int> vi { 1, 2, 3, 40 };
  std::vector<double> vd { 0.5, 0.25 };
  std::snprintf (buf, sizeof buf, "sum %d %.2f\n", sum (vi), sum (vd));
  trace += buf;

  try
    {
      descend (0, 4);
    }
  catch (const Overflow &o)
    {
      std::snprintf (buf, sizeof buf, " caught %d\n", o.depth);
      trace += buf;
    }

  try
    {
      rethrow_through (3);
    }
  catch (const Overflow &o)
    {
      std::snprintf (buf, sizeof buf, " rethrown %d\n", o.depth);
      trace += buf;
    }

  std::snprintf (buf, sizeof buf, "area %ld\n", total_area ({ 2, 3, 4 }));
  trace += buf;
  try
    {
      total_area ({ 5, -1, 7 });
    }
  catch (const std::invalid_argument &e)
    {
      trace += " invalid: ";
      trace += e.what ();
      trace += '\n';
    }

  std::fputs (trace.c_str (), stdout);
  if (argc > 1 && std::strcmp (argv[1], "count") == 0)
    {
      if (!test_count)
	{
	  std::fputs ("no native half\n", stderr);
	  return 2;
	}
      if (test_count (1) < 10)
	{
	  std::fprintf (stderr, "only %llu hook calls\n", test_count (1));
	  return 3;
	}
    }
  return 0;
}

/* Loads and stores reach inst_load and inst_store with base + offset
   equal to the accessed address, the access width and the stored
   value.  */
/* { dg-do run } */
/* { dg-options "-O2" } */
/* { dg-bpfinst-inst "mem.bpf.c" } */
/* { dg-bpfinst-native "mem-native.c" } */

typedef unsigned long long u64;
extern void test_arm (void);
extern int test_store (void *addr, u64 width, u64 value);
extern int test_load (void *addr, u64 width);

struct s
{
  int a;
  short b;
  long long c;
};

struct s glob[4];

__attribute__ ((noipa)) void
put_b (struct s *p, short v)
{
  p->b = v;
}

__attribute__ ((noipa)) long long
get_c (struct s *p)
{
  return p->c;
}

__attribute__ ((noipa)) void
put_int (int *p, int v)
{
  p[3] = v;
}

__attribute__ ((noipa)) int
get_int (int *p)
{
  return p[3];
}

int
main (void)
{
  static int arr[8];
  test_arm ();
  put_b (&glob[2], 0x1234);
  if (!test_store (&glob[2].b, 16, 0x1234))
    return 1;
  test_arm ();
  put_int (arr, -2);
  if (!test_store (&arr[3], 32, 0xfffffffeull))
    return 2;
  test_arm ();
  if (get_int (arr) != -2)
    return 3;
  if (!test_load (&arr[3], 32))
    return 4;
  test_arm ();
  if (get_c (&glob[1]) != 0)
    return 5;
  if (!test_load (&glob[1].c, 64))
    return 6;
  return 0;
}

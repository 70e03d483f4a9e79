/* A switch in a loop whose default shares its destination, outside the
   loop, with a case label: the block the default gets of its own
   belongs to the loop both ends share, not to the switch's.  */
/* { dg-do run } */
/* { dg-options "-O3" } */
/* { dg-bpfinst-inst "../instrumenters/heavy/inst-bpf.c" } */
/* { dg-bpfinst-native "../instrumenters/heavy/inst-native.c" } */

__attribute__ ((noipa)) int
scan (const int *v, int n, int *acc)
{
  int i, s = 0;
  for (i = 0; i < n; i++)
    {
      int t = v[i] * 3;
      switch (v[i])
	{
	case 1:
	  s += t;
	  break;
	case 2:
	  s -= t;
	  continue;
	case 7:
	default:
	  goto out;
	}
      s ^= i;
    }
 out:
  *acc = s;
  return i;
}

int
main (void)
{
  int v[] = { 1, 2, 1, 2, 7, 1 }, w[] = { 1, 1, 5 }, a, b;
  /* 3, -3, 0 ^ 2, -4; stop at 7.  3 ^ 0, 6 ^ 1; stop at 5.  */
  return scan (v, 6, &a) != 4 || a != -4 || scan (w, 3, &b) != 2 || b != 7;
}

/* distcc.exp: one of the program's files, compiled remotely.  */
__attribute__ ((noipa)) long
distcc_sum (int n)
{
  long s = 0;
  for (int i = 1; i <= n; i++)
    s += (long) i * i;
  return s;
}

/* distcc.exp: one of the program's files, compiled remotely.  */
static unsigned
step (unsigned x, unsigned k)
{
  return (x << 5) + (x >> 2) + k;
}

__attribute__ ((noipa)) unsigned
distcc_mix (unsigned x, int rounds)
{
  for (int r = 0; r < rounds; r++)
    x = step (x, (unsigned) r + 0x9e37u) ^ (x + 7u);
  return x;
}

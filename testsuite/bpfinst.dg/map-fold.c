/* An array-map lookup with a constant key is an address: the hook of
   map-fold.bpf.c is one atomic increment of entry 4 of the map's array
   (bytes 32 to 39), with no test and no call.  */
/* { dg-do compile } */
/* { dg-options "-O2 -fdump-tree-optimized" } */
/* { dg-bpfinst-inst "map-fold.bpf.c" clang-g } */

unsigned
add32 (unsigned a, unsigned b)
{
  return a + b;
}

/* { dg-final { scan-tree-dump-times "__atomic_fetch_add_8 \\(&MEM \[^\n\]*_mapdata_counts \\+ 32B\\\]" 1 "optimized" } } */
/* { dg-final { scan-tree-dump-not "if \\(" "optimized" } } */
/* { dg-final { scan-tree-dump-not "bpfinst_map_" "optimized" } } */

/* A hash map's operations are calls of the runtime with the map's
   struct bpfinst_map; the key and value are copied off the BPF stack,
   whose address is never taken, so that it is scalarized away.  */
/* { dg-do compile } */
/* { dg-options "-O2 -fdump-tree-optimized" } */
/* { dg-bpfinst-inst "map-hash-call.bpf.c" bpf-gcc-g } */

long
add (long a, long b)
{
  return a + b;
}

/* { dg-final { scan-tree-dump-times "bpfinst_map_lookup_elem \\(&__bpfinst_\[0-9a-f\]+_map_seen, " 1 "optimized" } } */
/* { dg-final { scan-tree-dump-times "bpfinst_map_update_elem \\(&__bpfinst_\[0-9a-f\]+_map_seen, " 1 "optimized" } } */
/* { dg-final { scan-tree-dump-not "bpf_stack" "optimized" } } */

/* bpf-helpers.c - the engine helpers a BPF half may call by name.  */

#include <string.h>

#include "bpf-prog.h"

struct helper_desc
{
  const char *name;
  int nargs;
  uint64_t max;			/* the largest result */
};

#define ANY UINT64_MAX

/* Indexed by enum bpfi_helper.  The widths are of GCC's integer types
   (at most 128 bits), the condition a condition_op_t.  */
static const struct helper_desc helper_table[BPFI_HELPER_COUNT] = {
  [BPFI_HELPER_NONE] = { "", 0, ANY },
  [BPFI_HELPER_SLOW_CALL] = { "slow_call", 1, ANY },
  [BPFI_HELPER_PSEUDO_PC] = { "pseudo_pc", 0, ANY },
  [BPFI_HELPER_CONDITION] = { "condition", 0, 15 },
  [BPFI_HELPER_CONDITION_RESULT] = { "condition_result", 0, ANY },
  [BPFI_HELPER_BIT_WIDTH_RES] = { "bit_width_res", 0, 128 },
  [BPFI_HELPER_BIT_WIDTH1] = { "bit_width1", 0, 128 },
  [BPFI_HELPER_BIT_WIDTH2] = { "bit_width2", 0, 128 },
  [BPFI_HELPER_BIT_WIDTH3] = { "bit_width3", 0, 128 },
  [BPFI_HELPER_TAG1] = { "tag1", 0, ANY },
  [BPFI_HELPER_TAG2] = { "tag2", 0, ANY },
  [BPFI_HELPER_TAG3] = { "tag3", 0, ANY },
  [BPFI_HELPER_SET_TAG] = { "set_tag", 1, 0 },
  [BPFI_HELPER_STOP_IF_NO_TAGS] = { "stop_if_no_tags", 0, 0 },
  [BPFI_HELPER_BSWAPSI2] = { "__bswapsi2", 1, 0xffffffff },
  [BPFI_HELPER_BSWAPDI2] = { "__bswapdi2", 1, ANY },
  [BPFI_HELPER_POPCOUNTSI2] = { "__popcountsi2", 1, 32 },
  [BPFI_HELPER_POPCOUNTDI2] = { "__popcountdi2", 1, 64 },
  [BPFI_HELPER_CLZSI2] = { "__clzsi2", 1, 32 },
  [BPFI_HELPER_CLZDI2] = { "__clzdi2", 1, 64 },
  [BPFI_HELPER_CTZSI2] = { "__ctzsi2", 1, 32 },
  [BPFI_HELPER_CTZDI2] = { "__ctzdi2", 1, 64 },
  [BPFI_HELPER_FFSDI2] = { "__ffsdi2", 1, 64 },
  [BPFI_HELPER_PARITYDI2] = { "__paritydi2", 1, 1 },
  [BPFI_HELPER_DIVDI3] = { "__divdi3", 2, ANY },
  [BPFI_HELPER_MODDI3] = { "__moddi3", 2, ANY },
  [BPFI_HELPER_DENSE_TAG_GET] = { "dense_tag_get", 1, ANY },
  [BPFI_HELPER_DENSE_TAG_SET] = { "dense_tag_set", 2, 0 },
};

#undef ANY

const char *
bpfi_helper_name (enum bpfi_helper h)
{
  if ((int) h <= BPFI_HELPER_NONE || h >= BPFI_HELPER_COUNT)
    return NULL;
  return helper_table[h].name;
}

int
bpfi_helper_nargs (enum bpfi_helper h)
{
  if ((int) h <= BPFI_HELPER_NONE || h >= BPFI_HELPER_COUNT)
    return 0;
  return helper_table[h].nargs;
}

uint64_t
bpfi_helper_max (enum bpfi_helper h)
{
  if ((int) h <= BPFI_HELPER_NONE || h >= BPFI_HELPER_COUNT)
    return UINT64_MAX;
  return helper_table[h].max;
}

enum bpfi_helper
bpfi_helper_lookup (const char *name)
{
  if (name == NULL || name[0] == '\0')
    return BPFI_HELPER_NONE;
  for (int h = BPFI_HELPER_NONE + 1; h < BPFI_HELPER_COUNT; h++)
    if (strcmp (helper_table[h].name, name) == 0)
      return (enum bpfi_helper) h;
  return BPFI_HELPER_NONE;
}

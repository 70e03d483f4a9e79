/* fuzz-loader.c - libFuzzer harness for the instrumenter loader and
   verifier: any byte string given to bpfi_object_load_mem, and every
   object it accepts given to bpfi_object_verify, must give a clean error
   or a valid object, never a crash, a leak or undefined behaviour.

   Build (run-fuzz.sh does):
     clang -g -O1 -fsanitize=fuzzer,address,undefined -D_DEFAULT_SOURCE \
       -I bpf2gimple fuzz/fuzz-loader.c bpf2gimple/bpf-load.c \
       bpf2gimple/bpf-opcodes.c bpf2gimple/bpf-verify.c \
       bpf2gimple/bpf-bound.c bpf2gimple/bpf-helpers.c -lbpf -lelf  */

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "bpf-prog.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Use the verifier's results the way the emitter does, so that a
   verifier that accepts an object with inconsistent facts shows up as
   an out-of-bounds access here.  */
static void
walk (const struct bpfi_object *obj)
{
  for (size_t i = 0; i < obj->nfuncs; i++)
    {
      const struct bpfi_func *f = &obj->funcs[i];
      volatile uint64_t sum = 0;
      if (!f->verified)
	continue;
      if (f->global && strncmp (f->name, "inst_", 5) == 0
	  && f->max_insns > BPFI_MAX_INSNS)
	__builtin_trap ();
      for (size_t j = 0; j < f->ninsns; j++)
	{
	  const struct bpfi_insn_info *info = &f->info[j];
	  sum += f->insns[j].code + info->flags + info->live_in;
	  /* The emitter dispatches on the row of every instruction it
	     emits, and the row must be the instruction's.  */
	  if ((info->flags & BPFI_INSN_REACHABLE)
	      && !(info->flags & BPFI_INSN_IMM64_HI)
	      && (info->op == NULL
		  || info->op != bpfi_opcode_find (&f->insns[j])))
	    __builtin_trap ();
	  if ((info->flags & BPFI_INSN_REACHABLE)
	      && !(info->flags & BPFI_INSN_IMM64_HI))
	    {
	      size_t succ[2];
	      int ns = bpfi_insn_succs (f, j, succ);
	      for (int k = 0; k < ns; k++)
		if (succ[k] >= f->ninsns
		    || !(f->info[succ[k]].flags & BPFI_INSN_REACHABLE))
		  __builtin_trap ();
	    }
	  switch (info->kind)
	    {
	    case BPFI_RELOC_DATA:
	      if (info->index < 0 || (size_t) info->index >= obj->ndata)
		__builtin_trap ();
	      sum += obj->data[info->index].size;
	      break;
	    case BPFI_RELOC_EXTERN:
	      if (info->index < 0 || (size_t) info->index >= obj->nexterns)
		__builtin_trap ();
	      sum += strlen (obj->externs[info->index].name);
	      break;
	    case BPFI_RELOC_CALL:
	      if (info->index < 0 || (size_t) info->index >= obj->nfuncs)
		__builtin_trap ();
	      sum += obj->funcs[info->index].ninsns;
	      break;
	    case BPFI_RELOC_HELPER:
	      if (info->index <= BPFI_HELPER_NONE
		  || info->index >= BPFI_HELPER_COUNT)
		__builtin_trap ();
	      break;
	    default:
	      break;
	    }
	  if ((info->flags & BPFI_INSN_STACK)
	      && (info->stack_off >= 0 || info->stack_off < -BPFI_STACK_SIZE))
	    __builtin_trap ();
	  if ((info->flags & BPFI_INSN_FILL)
	      && (info->fill_off >= 0 || info->fill_off < -BPFI_STACK_SIZE))
	    __builtin_trap ();
	  if ((info->flags & BPFI_INSN_ARGPTR)
	      && (info->ptr_arg < 1 || info->ptr_arg > 5))
	    __builtin_trap ();
	}
      if (f->stack_depth > BPFI_STACK_SIZE)
	__builtin_trap ();
      for (int h = BPFI_HELPER_NONE + 1; h < BPFI_HELPER_COUNT; h++)
	sum += bpfi_func_uses_helper (obj, f, (enum bpfi_helper) h);
      (void) sum;
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  struct bpfi_object *obj = NULL;
  struct bpfi_error err;

  memset (&err, 0, sizeof err);
  if (bpfi_object_load_mem (data, size, "fuzz-input", &obj, &err) != 0)
    {
      /* The message must be a string.  */
      if (memchr (err.msg, 0, sizeof err.msg) == NULL)
	__builtin_trap ();
      return 0;
    }
  if (obj == NULL)
    __builtin_trap ();
  if (bpfi_object_verify (obj, &err) == 0)
    walk (obj);
  else if (memchr (err.msg, 0, sizeof err.msg) == NULL)
    __builtin_trap ();
  bpfi_object_free (obj);
  return 0;
}

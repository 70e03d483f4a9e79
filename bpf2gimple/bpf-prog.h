/* bpf-prog.h - an instrumenter's BPF half, loaded and verified.

   The loader (bpf-load.c) reads an EM_BPF ELF64 relocatable object, as
   produced by clang (-target bpf) or bpf-gcc, and resolves its relocations.
   The verifier (bpf-verify.c) checks that every function is safe to inline
   and records what the GIMPLE emitter needs to know about each instruction.

   Plain C11 with no GCC headers: the plugin, the unit tests, the fuzzing
   harness and the inspection tool (bpfinst-objdump) all use it.  */

#ifndef BPFINST_BPF_PROG_H
#define BPFINST_BPF_PROG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <linux/bpf.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The BPF stack frame of one function, in bytes (R10 points at its top).  */
#define BPFI_STACK_SIZE 512

/* Engine helpers: the functions a BPF half may call by name.  The first
   group is the contract's; the second gives bpf-gcc's libgcc calls their
   meaning (GCC 12's BPF back end emits them for bit builtins).  */
enum bpfi_helper
{
  BPFI_HELPER_NONE = 0,
  BPFI_HELPER_SLOW_CALL,	/* slow_call (funct) */
  BPFI_HELPER_PSEUDO_PC,	/* pseudo_pc () */
  BPFI_HELPER_CONDITION,	/* condition () */
  BPFI_HELPER_CONDITION_RESULT,	/* condition_result () */
  BPFI_HELPER_BIT_WIDTH_RES,	/* bit_width_res () */
  BPFI_HELPER_BIT_WIDTH1,
  BPFI_HELPER_BIT_WIDTH2,
  BPFI_HELPER_BIT_WIDTH3,
  BPFI_HELPER_TAG1,		/* tag1 () */
  BPFI_HELPER_TAG2,
  BPFI_HELPER_TAG3,
  BPFI_HELPER_SET_TAG,		/* set_tag (tag) */
  BPFI_HELPER_STOP_IF_NO_TAGS,	/* stop_if_no_tags () */
  /* libgcc routines, lowered to the equivalent GCC builtin.  */
  BPFI_HELPER_BSWAPSI2,
  BPFI_HELPER_BSWAPDI2,
  BPFI_HELPER_POPCOUNTSI2,
  BPFI_HELPER_POPCOUNTDI2,
  BPFI_HELPER_CLZSI2,
  BPFI_HELPER_CLZDI2,
  BPFI_HELPER_CTZSI2,
  BPFI_HELPER_CTZDI2,
  BPFI_HELPER_FFSDI2,
  BPFI_HELPER_PARITYDI2,
  BPFI_HELPER_DIVDI3,		/* signed 64-bit division */
  BPFI_HELPER_MODDI3,		/* signed 64-bit remainder */
  /* Engine extensions: libtag's dense tag store, inline.  */
  BPFI_HELPER_DENSE_TAG_GET,	/* dense_tag_get (addr) */
  BPFI_HELPER_DENSE_TAG_SET,	/* dense_tag_set (addr, tag) */
  BPFI_HELPER_COUNT
};

/* Name of helper H as written in C ("slow_call", "__bswapsi2", ...).  */
const char *bpfi_helper_name (enum bpfi_helper h);
/* Number of argument registers (R1..) helper H reads.  */
int bpfi_helper_nargs (enum bpfi_helper h);
/* The helper called NAME, or BPFI_HELPER_NONE.  */
enum bpfi_helper bpfi_helper_lookup (const char *name);

/* What a relocation attached to an instruction resolves to.  */
enum bpfi_reloc_kind
{
  BPFI_RELOC_NONE = 0,
  BPFI_RELOC_DATA,	/* ld_imm64: address of data section INDEX + ADDEND */
  BPFI_RELOC_EXTERN,	/* ld_imm64: address of extern symbol INDEX + ADDEND */
  BPFI_RELOC_FUNC_ADDR,	/* ld_imm64: address of a BPF function (rejected) */
  BPFI_RELOC_HELPER,	/* call: engine helper INDEX (enum bpfi_helper) */
  BPFI_RELOC_CALL	/* call: BPF-to-BPF call of function INDEX */
};

/* Per-instruction facts, parallel to bpfi_func.insns.  */
struct bpfi_insn_info
{
  enum bpfi_reloc_kind kind;
  int index;		/* see bpfi_reloc_kind */
  int64_t addend;	/* byte offset for DATA and EXTERN */
  /* Filled in by the verifier: */
  uint8_t flags;	/* BPFI_INSN_* below */
  uint16_t live_in;	/* registers R0..R10 (bit N = RN) initialized on
			   every path reaching this instruction */
  int32_t stack_off;	/* for a load/store through a stack pointer: the
			   accessed byte's offset from R10 (negative) */
};

#define BPFI_INSN_LEADER	0x01	/* starts a basic block */
#define BPFI_INSN_IMM64_HI	0x02	/* second half of an ld_imm64 */
#define BPFI_INSN_STACK		0x04	/* memory access through R10 + const */
#define BPFI_INSN_REACHABLE	0x08	/* reachable from the entry */
#define BPFI_INSN_LOOP_HEAD	0x10	/* target of a backward jump */

/* One function of the object: a hook (global inst_*), or a subprogram
   reached through BPF-to-BPF calls.  */
struct bpfi_func
{
  char *name;
  bool global;
  size_t section;		/* ELF section index holding the code */
  struct bpf_insn *insns;
  size_t ninsns;
  struct bpfi_insn_info *info;	/* ninsns entries */
  int nargs;			/* parameters, from BTF; -1 without BTF */
  /* Filled in by the verifier: */
  uint8_t args_read;		/* bit N: RN (1..5) read before written */
  uint32_t stack_depth;		/* bytes of the frame used below R10 */
  uint32_t call_depth;		/* longest chain of BPF-to-BPF calls below */
  bool verified;
};

/* A data section (.bss, .data, .rodata, .rodata.str1.1, ...).  */
struct bpfi_data
{
  char *name;
  uint8_t *bytes;		/* NULL for NOBITS sections */
  size_t size;
  unsigned align;
  bool readonly;
  bool used;			/* referenced by some instruction */
};

/* An undefined symbol referenced by ld_imm64: the native half's variable.  */
struct bpfi_extern
{
  char *name;
};

struct bpfi_object
{
  char *path;
  uint64_t id;			/* FNV-1a hash of the file's contents */
  struct bpfi_func *funcs;
  size_t nfuncs;
  struct bpfi_data *data;
  size_t ndata;
  struct bpfi_extern *externs;
  size_t nexterns;
};

/* Why loading or verification failed.  FUNC is the function's name (or
   NULL), INSN the instruction index within it (or -1).  */
struct bpfi_error
{
  char msg[512];
  char func[128];
  long insn;
};

/* Fill in *ERR (when not NULL) with a message from FMT, the function
   FUNC (NULL: none) and the instruction INSN (-1: none).  Returns
   -EINVAL, for the callers' convenience.  */
int bpfi_error_set (struct bpfi_error *err, const char *func, long insn,
		    const char *fmt, ...)
  __attribute__ ((format (printf, 4, 5)));

/* Load the object at PATH.  Returns 0, or -errno with *ERR filled in.  */
int bpfi_object_load (const char *path, struct bpfi_object **out,
		      struct bpfi_error *err);
/* Load an object from memory; NAME is used in messages.  */
int bpfi_object_load_mem (const void *buf, size_t len, const char *name,
			  struct bpfi_object **out, struct bpfi_error *err);
void bpfi_object_free (struct bpfi_object *obj);

/* The function called NAME, or NULL.  */
struct bpfi_func *bpfi_object_find (struct bpfi_object *obj,
				    const char *name);

/* Verify every function reachable from a global inst_* function (and
   every global function).  Returns 0, or -EINVAL with *ERR filled in.  */
int bpfi_object_verify (struct bpfi_object *obj, struct bpfi_error *err);

/* Does any verified function call helper H (directly or in a callee)?  */
bool bpfi_func_uses_helper (const struct bpfi_object *obj,
			    const struct bpfi_func *fn, enum bpfi_helper h);

#ifdef __cplusplus
}
#endif

#endif /* BPFINST_BPF_PROG_H */

/* bpf-prog.h - an instrumenter's BPF half, loaded and verified.

   The loader (bpf-load.c) reads an EM_BPF ELF64 relocatable object, as
   produced by clang (-target bpf) or bpf-gcc, and resolves its relocations.
   The verifier (bpf-verify.c) checks that every function is safe to inline
   and records what the GIMPLE emitter needs to know about each instruction.

   The opcode table (bpf-opcodes.def, read through bpf-opcodes.c) says once
   what every accepted instruction is: its operands, its successors, what
   the verifier checks and which lowering the emitter gives it.

   Plain C11 with no GCC headers: the plugin, the unit tests and the
   fuzzing harness use it.  */

#ifndef BPFINST_BPF_PROG_H
#define BPFINST_BPF_PROG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <linux/bpf.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Opcode pieces newer than some kernel headers.  */
#ifndef BPF_JMP32
#define BPF_JMP32 0x06
#endif
#ifndef BPF_ATOMIC
#define BPF_ATOMIC 0xc0
#endif
#ifndef BPF_FETCH
#define BPF_FETCH 0x01
#endif
#ifndef BPF_XCHG
#define BPF_XCHG (0xe0 | BPF_FETCH)
#endif
#ifndef BPF_CMPXCHG
#define BPF_CMPXCHG (0xf0 | BPF_FETCH)
#endif
#ifndef BPF_MEMSX
#define BPF_MEMSX 0x80		/* ISA v4: sign-extending load */
#endif
#ifndef BPF_PSEUDO_CALL
#define BPF_PSEUDO_CALL 1
#endif

/* The BPF stack frame of one function, in bytes (R10 points at its top).  */
#define BPFI_STACK_SIZE 512

/* The most instructions one execution of a hook may run, its loops and
   callees included (the Linux kernel's limit of processed instructions).
   The verifier proves a bound for each function (bpfi_func.max_insns) and
   refuses a hook whose bound is larger, or that has a loop it cannot
   bound.  */
#define BPFI_MAX_INSNS 1000000

/* The opcode table.  */

/* How the emitter lowers an instruction.  */
enum bpfi_lower
{
  BPFI_LOWER_ALU,		/* arithmetic, moves, byte swaps: emit_alu */
  BPFI_LOWER_LOAD,		/* LDX: emit_load */
  BPFI_LOWER_STORE,		/* ST, STX: emit_store */
  BPFI_LOWER_ATOMIC,		/* STX | ATOMIC: emit_atomic */
  BPFI_LOWER_LD_IMM64,		/* ld_imm64: emit_ld_imm64 */
  BPFI_LOWER_JUMP,		/* JA and conditional jumps: emit_jump */
  BPFI_LOWER_CALL,		/* helper or BPF-to-BPF call, by its
				   relocation: emit_helper, emit_call */
  BPFI_LOWER_EXIT		/* return: emit_exit */
};

/* Where control goes after an instruction at index I.  */
enum bpfi_succ
{
  BPFI_SUCC_NEXT,		/* I + 1 */
  BPFI_SUCC_JUMP,		/* I + off + 1 */
  BPFI_SUCC_COND,		/* I + off + 1 (taken) and I + 1 */
  BPFI_SUCC_EXIT,		/* none: the function returns */
  BPFI_SUCC_CALL,		/* I + 1, once the callee returns */
  BPFI_SUCC_IMM64		/* I + 2: the instruction takes two slots */
};

/* Operands of an instruction (bpfi_opcode.operands).  */
#define BPFI_OPND_DST_R	   0x0001	/* reads dst_reg */
#define BPFI_OPND_DST_W	   0x0002	/* writes dst_reg */
#define BPFI_OPND_SRC_R	   0x0004	/* reads src_reg */
#define BPFI_OPND_SRC_W	   0x0008	/* writes src_reg (atomic fetch) */
#define BPFI_OPND_R0_R	   0x0010	/* reads R0 (compare-and-exchange) */
#define BPFI_OPND_R0_W	   0x0020	/* writes R0 */
#define BPFI_OPND_MEM_DST  0x0040	/* accesses memory at dst_reg + off */
#define BPFI_OPND_MEM_SRC  0x0080	/* accesses memory at src_reg + off */
#define BPFI_OPND_PTR_COPY 0x0100	/* dst_reg becomes a copy of src_reg,
					   stack pointer included */
#define BPFI_OPND_PTR_ADD  0x0200	/* dst_reg may be a pointer, moved by
					   +imm or +src_reg (or src_reg a
					   pointer moved by +dst_reg) */
#define BPFI_OPND_PTR_SUB  0x0400	/* dst_reg may be a pointer, moved by
					   -imm or -src_reg */
#define BPFI_OPND_SRC_ZERO 0x0800	/* src_reg is not a register and must
					   be 0 */

/* Which field tells a row from the others of its opcode byte.  */
enum bpfi_sel
{
  BPFI_SEL_ANY,			/* the field is an operand */
  BPFI_SEL_EQ			/* the field must hold the row's value */
};

/* One accepted instruction.  Most rows are one opcode byte; where the
   off or imm field selects the operation (sign-extending moves, byte swap
   widths, atomic operations), one row per value.  */
struct bpfi_opcode
{
  const char *name;		/* "ALU64_ADD_K", "LDX_MEMSX_B", ... */
  uint8_t code;			/* the opcode byte */
  uint8_t off_sel;		/* enum bpfi_sel for off ... */
  uint8_t imm_sel;		/* ... and for imm */
  int16_t off;			/* off when off_sel is BPFI_SEL_EQ */
  int32_t imm;			/* imm when imm_sel is BPFI_SEL_EQ */
  uint8_t lower;		/* enum bpfi_lower */
  uint8_t succ;			/* enum bpfi_succ */
  uint16_t operands;		/* BPFI_OPND_* */
  uint8_t width;		/* bits: of the operation (ALU, jumps) or of
				   the memory access (loads, stores,
				   atomics) */
  uint8_t sext;			/* bits the result is sign-extended from
				   (sign-extending loads and moves), or 0 */
};

/* The accepted instructions (bpf-opcodes.def), and their number.  */
extern const struct bpfi_opcode bpfi_opcodes[];
extern const size_t bpfi_nopcodes;

/* The row describing INSN, or NULL when it is not an accepted
   instruction.  */
const struct bpfi_opcode *bpfi_opcode_find (const struct bpf_insn *insn);

/* Why INSN is not accepted: a phrase such as "signed division" or
   "unknown ALU operation" (for messages "unsupported opcode 0xNN (...)").
   NULL when it is accepted.  */
const char *bpfi_opcode_refusal (const struct bpf_insn *insn);

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
  /* Engine extensions: the instrumented function and call.  */
  BPFI_HELPER_FUNC_ID,		/* func_id () */
  BPFI_HELPER_FUNC_ADDR,	/* func_addr () */
  BPFI_HELPER_FUNC_NAME,	/* func_name () */
  BPFI_HELPER_CALL_KIND,	/* call_kind () */
  BPFI_HELPER_BRANCH_TARGET,	/* branch_target () */
  /* Engine extensions: BPF maps, by the names and the numbers (1, 2,
     3) libbpf's bpf_helpers.h gives them.  */
  BPFI_HELPER_MAP_LOOKUP,	/* bpf_map_lookup_elem (map, key) */
  BPFI_HELPER_MAP_UPDATE,	/* bpf_map_update_elem (map, key, value,
				   flags) */
  BPFI_HELPER_MAP_DELETE,	/* bpf_map_delete_elem (map, key) */
  BPFI_HELPER_COUNT
};

/* Name of helper H as written in C ("slow_call", "__bswapsi2", ...).  */
const char *bpfi_helper_name (enum bpfi_helper h);
/* Number of argument registers (R1..) helper H reads.  */
int bpfi_helper_nargs (enum bpfi_helper h);
/* The largest value helper H returns in R0 (UINT64_MAX: any).  */
uint64_t bpfi_helper_max (enum bpfi_helper h);
/* The helper called NAME, or BPFI_HELPER_NONE.  */
enum bpfi_helper bpfi_helper_lookup (const char *name);
/* The helper the Linux kernel numbers NUMBER (a call with src_reg 0, as
   libbpf's bpf_helpers.h makes them), or BPFI_HELPER_NONE: only the map
   helpers, 1 to 3, have numbers.  */
enum bpfi_helper bpfi_helper_by_number (int32_t number);
/* Is H one of the map helpers (it takes a map in R1)?  */
bool bpfi_helper_map_p (enum bpfi_helper h);

/* What a relocation attached to an instruction resolves to.  */
enum bpfi_reloc_kind
{
  BPFI_RELOC_NONE = 0,
  BPFI_RELOC_DATA,	/* ld_imm64: address of data section INDEX + ADDEND */
  BPFI_RELOC_EXTERN,	/* ld_imm64: address of extern symbol INDEX + ADDEND */
  BPFI_RELOC_FUNC_ADDR,	/* ld_imm64: address of a BPF function (rejected) */
  BPFI_RELOC_HELPER,	/* call: engine helper INDEX (enum bpfi_helper) */
  BPFI_RELOC_CALL,	/* call: BPF-to-BPF call of function INDEX */
  BPFI_RELOC_MAP	/* ld_imm64: the address of map INDEX */
};

/* Per-instruction facts, parallel to bpfi_func.insns.  */
struct bpfi_insn_info
{
  enum bpfi_reloc_kind kind;
  int index;		/* see bpfi_reloc_kind */
  int64_t addend;	/* byte offset for DATA and EXTERN */
  /* Filled in by the verifier: */
  const struct bpfi_opcode *op;	/* the instruction's row of the opcode
				   table (NULL in the second slot of an
				   ld_imm64) */
  uint16_t flags;	/* BPFI_INSN_* below */
  uint16_t live_in;	/* registers R0..R10 (bit N = RN) initialized on
			   every path reaching this instruction */
  int32_t stack_off;	/* for a load/store through a stack pointer at a
			   constant offset (BPFI_INSN_STACK): the accessed
			   byte's offset from R10 (negative) */
  int32_t fill_off;	/* BPFI_INSN_FILL: the offset from R10 of the
			   stack pointer the load reads back */
  uint8_t ptr_arg;	/* BPFI_INSN_ARGPTR: the argument register N
			   (1..5) whose value on entry, plus an offset,
			   the access goes through */
  uint16_t call_args;	/* a BPF-to-BPF call: for each argument register
			   RN (1..5), bits 3 * (N - 1) .. 3 * N - 1 say
			   what it holds: BPFI_CALL_ARG_STACK, a pointer
			   into this function's frame; 1..5, this
			   function's argument register of that number
			   plus an offset (a pointer into a caller's frame
			   when that argument is one); 0, neither */
  /* For a call of a map helper: the map R1 holds, and the offsets from
     R10 of the key (R2) and value (R3) when they are on the stack
     (BPFI_INSN_KEY_STACK, BPFI_INSN_VALUE_STACK).  */
  int32_t map;
  int32_t key_off;
  int32_t value_off;
};

#define BPFI_CALL_ARG_STACK 6
#define BPFI_CALL_ARG(info, n) (((info)->call_args >> (3 * ((n) - 1))) & 7)

#define BPFI_INSN_LEADER	0x01	/* starts a basic block */
#define BPFI_INSN_IMM64_HI	0x02	/* second half of an ld_imm64 */
#define BPFI_INSN_STACK		0x04	/* memory access through R10 + const */
#define BPFI_INSN_REACHABLE	0x08	/* reachable from the entry */
#define BPFI_INSN_LOOP_HEAD	0x10	/* target of a backward jump */
#define BPFI_INSN_STACK_VAR	0x20	/* memory access through a pointer into
					   the function's frame at an offset
					   known only as a range: the
					   register's value says where */
#define BPFI_INSN_ARGPTR	0x40	/* memory access through the value of
					   argument register ptr_arg plus an
					   offset: into a caller's frame when
					   the caller passed a stack pointer,
					   else program memory */
#define BPFI_INSN_FILL		0x80	/* 64-bit load of a stack pointer
					   spilled to the frame, at the
					   constant offset fill_off */
#define BPFI_INSN_KEY_STACK	0x100	/* map helper: the key is on the
					   stack */
#define BPFI_INSN_VALUE_STACK	0x200	/* map helper: the value is on the
					   stack */

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
  uint32_t stack_depth;		/* bytes of the frame used below R10,
				   by the function itself or by callees
				   through pointers it passes them */
  bool ret_stack;		/* may return with a stack address in R0
				   (left there: the caller may not use
				   it) */
  bool stack_var;		/* some instance may address its frame,
				   or a caller's, at an offset that is not
				   a constant (callees included) */
  /* Pointers received in arguments: what the function (callees
     included) does with the value of argument register RN (bit N) on
     entry.  */
  uint8_t args_num;		/* uses it as a number (a caller may not
				   pass a stack pointer in RN) */
  uint8_t args_mem;		/* accesses memory through it plus an
				   offset: the bytes [args_mem_lo[N],
				   args_mem_hi[N]) from it */
  uint8_t args_mem_write;	/* ... and writes some of them */
  uint8_t args_mem_var;		/* ... at offsets that are not constant */
  int64_t args_mem_lo[6], args_mem_hi[6];
  uint64_t helpers;		/* bit H: helper H (enum bpfi_helper) is
				   called here or in a callee */
  uint64_t max_insns;		/* most instructions one call runs, callees
				   included (at most BPFI_MAX_INSNS for a
				   hook) */
  bool verified;
};

/* The successors of instruction I of FN (at most two, in SUCC), as the
   opcode table says: returns their number, or -1 when I is the second
   slot of an ld_imm64 or not an accepted instruction.  A successor may
   lie outside the function (the verifier refuses that).  */
int bpfi_insn_succs (const struct bpfi_func *fn, size_t i, size_t succ[2]);

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

/* A BPF map (a GCCInst extension): a variable of section .maps, defined
   as libbpf's BTF-defined maps are, whose BTF gives the fields below.  */
struct bpfi_map
{
  char *name;
  uint64_t offset;		/* its symbol's value in .maps */
  uint32_t type;		/* BPF_MAP_TYPE_HASH or BPF_MAP_TYPE_ARRAY */
  uint32_t key_size;
  uint32_t value_size;
  uint32_t max_entries;
  uint32_t flags;		/* map_flags, which GCCInst ignores */
};

/* The most bytes the entries of one map may take.  */
#define BPFI_MAP_MAX_BYTES ((uint64_t) 1 << 30)

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
  struct bpfi_map *maps;
  size_t nmaps;
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

/* Does FN, a verified function of OBJ, call helper H (directly or in a
   callee)?  False for a function the verifier did not reach.  O(1): it
   reads bpfi_func.helpers.  */
bool bpfi_func_uses_helper (const struct bpfi_object *obj,
			    const struct bpfi_func *fn, enum bpfi_helper h);

#ifdef __cplusplus
}
#endif

#endif /* BPFINST_BPF_PROG_H */

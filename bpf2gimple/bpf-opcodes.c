/* bpf-opcodes.c - the opcode table, and what follows from it alone.

   bpf-opcodes.def describes each accepted instruction once; this file
   makes the table bpfi_opcodes from it, finds the row of an instruction,
   explains why an instruction is refused, and computes successors.  */

#include <stddef.h>

#include "bpf-prog.h"

#define ANY BPFI_SEL_ANY, BPFI_SEL_ANY, 0, 0
#define OFF(v) BPFI_SEL_EQ, BPFI_SEL_ANY, (v), 0
#define IMM(v) BPFI_SEL_ANY, BPFI_SEL_EQ, 0, (v)
#define OFF_IMM(o, i) BPFI_SEL_EQ, BPFI_SEL_EQ, (o), (i)

const struct bpfi_opcode bpfi_opcodes[] = {
#define BPFI_OP(name, code, sel, lower, succ, operands, width, sext) \
  { #name, (code), sel, BPFI_LOWER_##lower, BPFI_SUCC_##succ, (operands), \
    (width), (sext) },
#define BPFI_NO(code, sel, why)
#include "bpf-opcodes.def"
#undef BPFI_OP
#undef BPFI_NO
};

const size_t bpfi_nopcodes = sizeof bpfi_opcodes / sizeof bpfi_opcodes[0];

/* The known instructions that are refused.  */
struct refusal
{
  uint8_t code;
  uint8_t off_sel, imm_sel;
  int16_t off;
  int32_t imm;
  const char *why;
};

static const struct refusal refusals[] = {
#define BPFI_OP(name, code, sel, lower, succ, operands, width, sext)
#define BPFI_NO(code, sel, why) { (code), sel, (why) },
#include "bpf-opcodes.def"
#undef BPFI_OP
#undef BPFI_NO
};

#undef ANY
#undef OFF
#undef IMM
#undef OFF_IMM

static bool
selected (uint8_t off_sel, int16_t off, uint8_t imm_sel, int32_t imm,
	  const struct bpf_insn *insn)
{
  return (off_sel == BPFI_SEL_ANY || insn->off == off)
	 && (imm_sel == BPFI_SEL_ANY || insn->imm == imm);
}

const struct bpfi_opcode *
bpfi_opcode_find (const struct bpf_insn *insn)
{
  for (size_t k = 0; k < bpfi_nopcodes; k++)
    {
      const struct bpfi_opcode *op = &bpfi_opcodes[k];
      if (op->code == insn->code
	  && selected (op->off_sel, op->off, op->imm_sel, op->imm, insn)
	  && (!(op->operands & BPFI_OPND_SRC_ZERO) || insn->src_reg == 0))
	return op;
    }
  return NULL;
}

const char *
bpfi_opcode_refusal (const struct bpf_insn *insn)
{
  if (bpfi_opcode_find (insn) != NULL)
    return NULL;
  for (size_t k = 0; k < sizeof refusals / sizeof refusals[0]; k++)
    {
      const struct refusal *r = &refusals[k];
      if (r->code == insn->code
	  && selected (r->off_sel, r->off, r->imm_sel, r->imm, insn))
	return r->why;
    }

  /* An opcode byte with rows, none of which matches.  */
  bool known = false;
  for (size_t k = 0; k < bpfi_nopcodes && !known; k++)
    known = bpfi_opcodes[k].code == insn->code;
  int cls = BPF_CLASS (insn->code);
  switch (cls)
    {
    case BPF_ALU:
    case BPF_ALU64:
      if (!known)
	return "unknown ALU operation";
      if (BPF_OP (insn->code) == BPF_END)
	return insn->imm == 16 || insn->imm == 32 || insn->imm == 64
	       ? "malformed byte swap" : "byte swap of an invalid width";
      if (BPF_OP (insn->code) == BPF_MOV && BPF_SRC (insn->code) == BPF_X
	  && insn->off != 0)
	return "sign-extending move of an invalid width";
      return "ALU operation with a nonzero offset";
    case BPF_JMP:
    case BPF_JMP32:
      return "unknown jump operation";
    case BPF_LDX:
      return "unknown load mode";
    case BPF_ST:
      return "unknown store mode";
    case BPF_STX:
      if (BPF_MODE (insn->code) != BPF_ATOMIC)
	return "unknown store mode";
      return known ? "unknown atomic operation"
		   : "atomic operation of an invalid size";
    default:
      return "unknown load";
    }
}

int
bpfi_insn_succs (const struct bpfi_func *fn, size_t i, size_t succ[2])
{
  if (fn == NULL || i >= fn->ninsns)
    return -1;
  const struct bpfi_opcode *op = NULL;
  if (fn->info != NULL)
    {
      if (fn->info[i].flags & BPFI_INSN_IMM64_HI)
	return -1;
      op = fn->info[i].op;
    }
  const struct bpf_insn *insn = &fn->insns[i];
  if (op == NULL)
    op = bpfi_opcode_find (insn);
  if (op == NULL)
    return -1;
  switch (op->succ)
    {
    case BPFI_SUCC_NEXT:
    case BPFI_SUCC_CALL:
      succ[0] = i + 1;
      return 1;
    case BPFI_SUCC_IMM64:
      succ[0] = i + 2;
      return 1;
    case BPFI_SUCC_JUMP:
      succ[0] = (size_t) ((long) i + insn->off + 1);
      return 1;
    case BPFI_SUCC_COND:
      succ[0] = (size_t) ((long) i + insn->off + 1);
      succ[1] = i + 1;
      return 2;
    default:
      return 0;
    }
}

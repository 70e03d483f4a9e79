/* Unit tests of the BPF loader and verifier.

   test-bpfprog synth
     builds small BPF ELF objects in memory and checks loading, verification
     and every class of error, plus robustness against corrupt input.
   test-bpfprog fixtures COMPILER DIR
     checks objects that tests/clang.test or tests/gcc.test compiled from
     the fixture sources in tests/fixtures into DIR.
   test-bpfprog verify FILE...
     loads and verifies each object, printing the bound of each function
     or the error, as the plugin would say it; fails if any is refused.
   test-bpfprog runs FILE...
     the same, and runs every hook on a set of operands in an interpreter:
     fails if a run exceeds the hook's bound.  */

#define _DEFAULT_SOURCE 1

#include <elf.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bpf-prog.h"

#ifndef EM_BPF
#define EM_BPF 247
#endif

static int failures;
static int checks;

#define CHECK(cond) check_ ((cond), #cond, __FILE__, __LINE__)

static bool
check_ (bool ok, const char *what, const char *file, int line)
{
  checks++;
  if (!ok)
    {
      failures++;
      fprintf (stderr, "%s:%d: FAIL: %s\n", file, line, what);
    }
  return ok;
}

static bool
starts_with (const char *s, const char *prefix)
{
  return strncmp (s, prefix, strlen (prefix)) == 0;
}

/* ---------------------------------------------------------------------
   A minimal writer of BPF relocatable objects.

   Section layout: 0 null, 1 .text, 2 .rel.text, 3 .data, 4 .bss,
   5 .symtab, 6 .strtab, 7 .shstrtab, and optionally 8 .rel.data.  */

enum { S_NULL, S_TEXT, S_RELTEXT, S_DATA, S_BSS, S_SYMTAB, S_STRTAB,
       S_SHSTRTAB, S_RELDATA, S_MAX };

struct ob
{
  struct bpf_insn text[256];
  int ntext;
  char strtab[2048];
  int strsz;
  Elf64_Sym syms[128];
  int nsyms;
  Elf64_Rel rels[32];
  int nrels;
  uint8_t data[32];
  bool data_rel;		/* emit a .rel.data section */
  uint16_t machine;
};

static int
ob_str (struct ob *o, const char *s)
{
  int off = o->strsz;
  size_t n = strlen (s) + 1;
  memcpy (o->strtab + o->strsz, s, n);
  o->strsz += (int) n;
  return off;
}

static void
ob_init (struct ob *o)
{
  memset (o, 0, sizeof *o);
  o->machine = EM_BPF;
  o->strsz = 1;
  o->nsyms = 1;
  /* Section symbols for .text (1) and .data (2).  */
  o->syms[1].st_info = ELF64_ST_INFO (STB_LOCAL, STT_SECTION);
  o->syms[1].st_shndx = S_TEXT;
  o->syms[2].st_info = ELF64_ST_INFO (STB_LOCAL, STT_SECTION);
  o->syms[2].st_shndx = S_DATA;
  o->nsyms = 3;
  for (int i = 0; i < 32; i++)
    o->data[i] = (uint8_t) (i * 3);
}

static int
ob_sym (struct ob *o, const char *name, int bind, int type, int shndx,
	uint64_t value, uint64_t size)
{
  Elf64_Sym *s = &o->syms[o->nsyms];
  s->st_name = (Elf64_Word) ob_str (o, name);
  s->st_info = ELF64_ST_INFO (bind, type);
  s->st_shndx = (Elf64_Section) shndx;
  s->st_value = value;
  s->st_size = size;
  return o->nsyms++;
}

static int
ob_func (struct ob *o, const char *name, bool global, int start, int n)
{
  return ob_sym (o, name, global ? STB_GLOBAL : STB_LOCAL, STT_FUNC, S_TEXT,
		 (uint64_t) start * 8, (uint64_t) n * 8);
}

static void
ob_rel (struct ob *o, int insn, int sym, int type)
{
  o->rels[o->nrels].r_offset = (uint64_t) insn * 8;
  o->rels[o->nrels].r_info = ELF64_R_INFO ((uint64_t) sym, (uint64_t) type);
  o->nrels++;
}

static struct bpf_insn
mk (uint8_t code, int dst, int src, int off, int imm)
{
  struct bpf_insn i;
  memset (&i, 0, sizeof i);
  i.code = code;
  i.dst_reg = (uint8_t) dst & 0xf;
  i.src_reg = (uint8_t) src & 0xf;
  i.off = (int16_t) off;
  i.imm = imm;
  return i;
}

static int
ob_emit (struct ob *o, struct bpf_insn i)
{
  o->text[o->ntext] = i;
  return o->ntext++;
}

/* ld_imm64 DST, IMM (two slots); returns the index of the first.  */
static int
ob_ld64 (struct ob *o, int dst, int imm)
{
  int at = ob_emit (o, mk (BPF_LD | BPF_IMM | BPF_DW, dst, 0, 0, imm));
  ob_emit (o, mk (0, 0, 0, 0, 0));
  return at;
}

#define MOV64_K(d, k) mk (BPF_ALU64 | BPF_MOV | BPF_K, d, 0, 0, k)
#define MOV64_X(d, s) mk (BPF_ALU64 | BPF_MOV | BPF_X, d, s, 0, 0)
#define ADD64_K(d, k) mk (BPF_ALU64 | BPF_ADD | BPF_K, d, 0, 0, k)
#define ADD64_X(d, s) mk (BPF_ALU64 | BPF_ADD | BPF_X, d, s, 0, 0)
#define LDX_DW(d, s, off) mk (BPF_LDX | BPF_MEM | BPF_DW, d, s, off, 0)
#define STX_DW(d, s, off) mk (BPF_STX | BPF_MEM | BPF_DW, d, s, off, 0)
#define ST_W(d, off, k) mk (BPF_ST | BPF_MEM | BPF_W, d, 0, off, k)
#define JEQ_K(d, k, off) mk (BPF_JMP | BPF_JEQ | BPF_K, d, 0, off, k)
#define JA(off) mk (BPF_JMP | BPF_JA, 0, 0, off, 0)
#define CALL_REL(imm) mk (BPF_JMP | BPF_CALL, 0, 1, 0, imm)
#define CALL_SYM() mk (BPF_JMP | BPF_CALL, 0, 1, 0, -1)
#define EXIT() mk (BPF_JMP | BPF_EXIT, 0, 0, 0, 0)

struct buf
{
  uint8_t *p;
  size_t len, cap;
};

static size_t
buf_put (struct buf *b, const void *p, size_t n, size_t align)
{
  while (b->len % align)
    b->len++;
  if (b->len + n > b->cap)
    {
      b->cap = (b->len + n) * 2 + 256;
      b->p = realloc (b->p, b->cap);
    }
  size_t off = b->len;
  if (n)
    memcpy (b->p + off, p, n);
  b->len += n;
  return off;
}

/* Serialize O; returns a malloc'ed buffer and its size in *LEN.  */
static uint8_t *
ob_build (struct ob *o, size_t *len)
{
  struct buf b = { calloc (1, 256), 0, 256 };
  Elf64_Ehdr eh;
  memset (&eh, 0, sizeof eh);
  buf_put (&b, &eh, sizeof eh, 1);
  memset (b.p, 0, sizeof eh);

  Elf64_Shdr sh[S_MAX];
  memset (sh, 0, sizeof sh);
  char shstr[256];
  int shstrsz = 1;
  shstr[0] = 0;
  static const char *const names[S_MAX] = {
    "", ".text", ".rel.text", ".data", ".bss", ".symtab", ".strtab",
    ".shstrtab", ".rel.data"
  };
  int nsec = o->data_rel ? S_MAX : S_RELDATA;
  for (int i = 1; i < nsec; i++)
    {
      sh[i].sh_name = (Elf64_Word) shstrsz;
      strcpy (shstr + shstrsz, names[i]);
      shstrsz += (int) strlen (names[i]) + 1;
    }

  sh[S_TEXT].sh_type = SHT_PROGBITS;
  sh[S_TEXT].sh_flags = SHF_ALLOC | SHF_EXECINSTR;
  sh[S_TEXT].sh_addralign = 8;
  sh[S_TEXT].sh_size = (uint64_t) o->ntext * 8;
  sh[S_TEXT].sh_offset = buf_put (&b, o->text, sh[S_TEXT].sh_size, 8);

  sh[S_RELTEXT].sh_type = SHT_REL;
  sh[S_RELTEXT].sh_link = S_SYMTAB;
  sh[S_RELTEXT].sh_info = S_TEXT;
  sh[S_RELTEXT].sh_entsize = sizeof (Elf64_Rel);
  sh[S_RELTEXT].sh_addralign = 8;
  sh[S_RELTEXT].sh_size = (uint64_t) o->nrels * sizeof (Elf64_Rel);
  sh[S_RELTEXT].sh_offset = buf_put (&b, o->rels, sh[S_RELTEXT].sh_size, 8);

  sh[S_DATA].sh_type = SHT_PROGBITS;
  sh[S_DATA].sh_flags = SHF_ALLOC | SHF_WRITE;
  sh[S_DATA].sh_addralign = 8;
  sh[S_DATA].sh_size = sizeof o->data;
  sh[S_DATA].sh_offset = buf_put (&b, o->data, sizeof o->data, 8);

  sh[S_BSS].sh_type = SHT_NOBITS;
  sh[S_BSS].sh_flags = SHF_ALLOC | SHF_WRITE;
  sh[S_BSS].sh_addralign = 16;
  sh[S_BSS].sh_size = 16;
  sh[S_BSS].sh_offset = b.len;

  sh[S_SYMTAB].sh_type = SHT_SYMTAB;
  sh[S_SYMTAB].sh_link = S_STRTAB;
  sh[S_SYMTAB].sh_info = (Elf64_Word) o->nsyms;
  sh[S_SYMTAB].sh_entsize = sizeof (Elf64_Sym);
  sh[S_SYMTAB].sh_addralign = 8;
  sh[S_SYMTAB].sh_size = (uint64_t) o->nsyms * sizeof (Elf64_Sym);
  sh[S_SYMTAB].sh_offset = buf_put (&b, o->syms, sh[S_SYMTAB].sh_size, 8);

  sh[S_STRTAB].sh_type = SHT_STRTAB;
  sh[S_STRTAB].sh_addralign = 1;
  sh[S_STRTAB].sh_size = (uint64_t) o->strsz;
  sh[S_STRTAB].sh_offset = buf_put (&b, o->strtab, (size_t) o->strsz, 1);

  sh[S_SHSTRTAB].sh_type = SHT_STRTAB;
  sh[S_SHSTRTAB].sh_addralign = 1;
  sh[S_SHSTRTAB].sh_size = (uint64_t) shstrsz;
  sh[S_SHSTRTAB].sh_offset = buf_put (&b, shstr, (size_t) shstrsz, 1);

  if (o->data_rel)
    {
      Elf64_Rel r;
      r.r_offset = 0;
      r.r_info = ELF64_R_INFO (2, 2);
      sh[S_RELDATA].sh_type = SHT_REL;
      sh[S_RELDATA].sh_link = S_SYMTAB;
      sh[S_RELDATA].sh_info = S_DATA;
      sh[S_RELDATA].sh_entsize = sizeof (Elf64_Rel);
      sh[S_RELDATA].sh_addralign = 8;
      sh[S_RELDATA].sh_size = sizeof r;
      sh[S_RELDATA].sh_offset = buf_put (&b, &r, sizeof r, 8);
    }

  size_t shoff = buf_put (&b, sh, (size_t) nsec * sizeof (Elf64_Shdr), 8);

  memcpy (eh.e_ident, ELFMAG, SELFMAG);
  eh.e_ident[EI_CLASS] = ELFCLASS64;
  eh.e_ident[EI_DATA] = ELFDATA2LSB;
  eh.e_ident[EI_VERSION] = EV_CURRENT;
  eh.e_type = ET_REL;
  eh.e_machine = o->machine;
  eh.e_version = EV_CURRENT;
  eh.e_shoff = shoff;
  eh.e_ehsize = sizeof eh;
  eh.e_shentsize = sizeof (Elf64_Shdr);
  eh.e_shnum = (Elf64_Half) nsec;
  eh.e_shstrndx = S_SHSTRTAB;
  memcpy (b.p, &eh, sizeof eh);
  *len = b.len;
  return b.p;
}

/* Load (and if that works, verify) O.  Returns the first failing status;
   *ERR holds its message.  */
static int
ob_try (struct ob *o, struct bpfi_error *err, struct bpfi_object **keep)
{
  size_t len;
  uint8_t *p = ob_build (o, &len);
  struct bpfi_object *obj = NULL;
  int ret = bpfi_object_load_mem (p, len, "synth.o", &obj, err);
  free (p);
  if (ret == 0)
    {
      CHECK (obj != NULL);
      ret = bpfi_object_verify (obj, err);
    }
  if (keep != NULL && ret == 0)
    *keep = obj;
  else
    bpfi_object_free (obj);
  return ret;
}

static void
expect_error (struct ob *o, const char *prefix, const char *func, long insn,
	      int line)
{
  struct bpfi_error err;
  int ret = ob_try (o, &err, NULL);
  checks++;
  bool ok = ret == -EINVAL && starts_with (err.msg, prefix)
    && (func == NULL || strcmp (err.func, func) == 0)
    && (insn == -2 || err.insn == insn);
  if (!ok)
    {
      failures++;
      fprintf (stderr, "%s:%d: FAIL: expected \"%s\" (%s, insn %ld), got "
	       "%d \"%s\" (%s, insn %ld)\n", __FILE__, line, prefix,
	       func ? func : "*", insn, ret, ret ? err.msg : "", err.func,
	       err.insn);
    }
}

#define EXPECT_ERROR(o, prefix, func, insn) \
  expect_error ((o), (prefix), (func), (insn), __LINE__)

/* A valid object: inst_add (r1 + r2 + data[8] via a callee), a static
   callee, a helper call, an extern, a stack spill.  */
static void
make_valid (struct ob *o)
{
  ob_init (o);
  /* inst_add: 0 .. */
  ob_emit (o, MOV64_X (6, 1));			/* 0 */
  ob_emit (o, STX_DW (10, 2, -16));		/* 1 */
  ob_emit (o, CALL_REL (0));			/* 2: patched below */
  int ld = ob_ld64 (o, 1, 8);			/* 3,4: &.data + 8 */
  ob_emit (o, LDX_DW (1, 1, 0));		/* 5 */
  ob_emit (o, ADD64_X (0, 1));			/* 6 */
  int ext = ob_ld64 (o, 2, 0);			/* 7,8: &counter */
  ob_emit (o, STX_DW (2, 0, 0));		/* 9 */
  ob_emit (o, LDX_DW (3, 10, -16));		/* 10 */
  ob_emit (o, MOV64_X (1, 3));			/* 11 */
  int hc = ob_emit (o, CALL_SYM ());		/* 12: set_tag (r1) */
  ob_emit (o, JEQ_K (6, 0, 1));			/* 13 */
  ob_emit (o, MOV64_K (0, 1));			/* 14 */
  ob_emit (o, EXIT ());				/* 15 */
  int end_add = o->ntext;
  /* twice: r0 = r1 * 2 */
  ob_emit (o, MOV64_X (0, 1));			/* 16 */
  ob_emit (o, ADD64_X (0, 1));			/* 17 */
  ob_emit (o, EXIT ());				/* 18 */
  o->text[2].imm = end_add - 2 - 1;
  ob_func (o, "inst_add", true, 0, end_add);
  ob_func (o, "twice", false, end_add, o->ntext - end_add);
  ob_rel (o, ld, 2, 1);
  int cn = ob_sym (o, "counter", STB_GLOBAL, STT_NOTYPE, SHN_UNDEF, 0, 0);
  ob_rel (o, ext, cn, 1);
  int st = ob_sym (o, "set_tag", STB_GLOBAL, STT_NOTYPE, SHN_UNDEF, 0, 0);
  ob_rel (o, hc, st, 10);
}

static void
test_valid (void)
{
  struct ob o;
  make_valid (&o);
  struct bpfi_error err;
  struct bpfi_object *obj = NULL;
  int ret = ob_try (&o, &err, &obj);
  if (!CHECK (ret == 0))
    {
      fprintf (stderr, "  error: %s (%s, %ld)\n", err.msg, err.func,
	       err.insn);
      return;
    }
  CHECK (obj->nfuncs == 2);
  struct bpfi_func *f = bpfi_object_find (obj, "inst_add");
  struct bpfi_func *t = bpfi_object_find (obj, "twice");
  CHECK (bpfi_object_find (obj, "nothing") == NULL);
  if (!CHECK (f && t))
    goto out;
  CHECK (f->global && !t->global);
  CHECK (f->ninsns == 16 && t->ninsns == 3);
  CHECK (f->nargs == -1);
  CHECK (f->verified && t->verified);
  CHECK (f->info[2].kind == BPFI_RELOC_CALL && f->info[2].index == t - obj->funcs);
  CHECK (f->info[3].kind == BPFI_RELOC_DATA && f->info[3].addend == 8);
  CHECK (f->info[3].index >= 0 && (size_t) f->info[3].index < obj->ndata
	 && strcmp (obj->data[f->info[3].index].name, ".data") == 0);
  CHECK (f->info[4].flags & BPFI_INSN_IMM64_HI);
  CHECK (f->info[7].kind == BPFI_RELOC_EXTERN && f->info[7].addend == 0);
  CHECK (obj->nexterns == 1 && strcmp (obj->externs[0].name, "counter") == 0);
  CHECK (f->info[12].kind == BPFI_RELOC_HELPER
	 && f->info[12].index == BPFI_HELPER_SET_TAG);
  CHECK (bpfi_func_uses_helper (obj, f, BPFI_HELPER_SET_TAG));
  CHECK (!bpfi_func_uses_helper (obj, f, BPFI_HELPER_TAG1));
  CHECK (!bpfi_func_uses_helper (obj, t, BPFI_HELPER_SET_TAG));
  /* Stack accesses.  */
  CHECK ((f->info[1].flags & BPFI_INSN_STACK) && f->info[1].stack_off == -16);
  CHECK ((f->info[10].flags & BPFI_INSN_STACK)
	 && f->info[10].stack_off == -16);
  CHECK (!(f->info[5].flags & BPFI_INSN_STACK));
  CHECK (f->stack_depth == 16);
  /* Leaders and reachability.  */
  CHECK (f->info[0].flags & BPFI_INSN_LEADER);
  CHECK (f->info[14].flags & BPFI_INSN_LEADER);
  CHECK (f->info[15].flags & BPFI_INSN_LEADER);
  CHECK (!(f->info[5].flags & BPFI_INSN_LEADER));
  CHECK (f->info[15].flags & BPFI_INSN_REACHABLE);
  /* Registers: args_read, live_in; the instruction bound (the 14
     instructions of inst_add, the 3 of its callee).  */
  CHECK (f->args_read == 0x6);
  CHECK (t->args_read == 0x2);
  CHECK (f->info[0].live_in == 0x43e);
  CHECK (f->info[3].live_in == 0x441);	/* r0, r6, r10 after the call */
  CHECK (f->info[4].live_in == f->info[3].live_in);
  CHECK (f->info[15].live_in & 1);
  CHECK (f->max_insns == 17 && t->max_insns == 3);
  /* Data sections.  */
  CHECK (obj->ndata == 2);
  for (size_t i = 0; i < obj->ndata; i++)
    {
      struct bpfi_data *d = &obj->data[i];
      if (strcmp (d->name, ".data") == 0)
	CHECK (d->size == 32 && d->bytes && d->bytes[5] == 15 && d->align == 8
	       && !d->readonly && d->used);
      else
	CHECK (strcmp (d->name, ".bss") == 0 && d->size == 16
	       && d->bytes == NULL && d->align == 16 && !d->used);
    }
out:
  bpfi_object_free (obj);
}

static void
test_loop (void)
{
  /* r0 = 0; loop: r0 += 1; if r0 != 10 goto loop; exit.  */
  struct ob o;
  ob_init (&o);
  ob_emit (&o, MOV64_K (0, 0));
  ob_emit (&o, ADD64_K (0, 1));
  ob_emit (&o, mk (BPF_JMP | BPF_JNE | BPF_K, 0, 0, -2, 10));
  ob_emit (&o, EXIT ());
  ob_func (&o, "inst_loop", true, 0, 4);
  struct bpfi_error err;
  struct bpfi_object *obj = NULL;
  if (!CHECK (ob_try (&o, &err, &obj) == 0))
    {
      fprintf (stderr, "  error: %s (%s, %ld)\n", err.msg, err.func,
	       err.insn);
      return;
    }
  struct bpfi_func *f = &obj->funcs[0];
  CHECK (f->info[1].flags & BPFI_INSN_LOOP_HEAD);
  CHECK (f->info[1].flags & BPFI_INSN_LEADER);
  CHECK (!(f->info[0].flags & BPFI_INSN_LOOP_HEAD));
  CHECK (f->info[3].flags & BPFI_INSN_LEADER);
  CHECK (f->args_read == 0 && f->stack_depth == 0);
  /* 1 + 10 iterations of 2 + 1.  */
  CHECK (f->max_insns == 22);
  bpfi_object_free (obj);
}

/* Loops from which the exit cannot be reached.  */
static void
test_unbounded_loop (void)
{
  struct ob o;

  /* A jump to itself.  */
  ob_init (&o);
  ob_emit (&o, MOV64_K (0, 0));
  ob_emit (&o, mk (BPF_JMP | BPF_JA, 0, 0, -1, 0));
  ob_emit (&o, EXIT ());
  ob_func (&o, "inst_x", true, 0, 3);
  EXPECT_ERROR (&o, "unbounded loop", "inst_x", 0);

  /* r0 += 1; if r0 != 10 goto 1; goto 1: the conditional exit of the
     loop leads back into it.  */
  ob_init (&o);
  ob_emit (&o, MOV64_K (0, 0));
  ob_emit (&o, ADD64_K (0, 1));
  ob_emit (&o, mk (BPF_JMP | BPF_JNE | BPF_K, 0, 0, -2, 10));
  ob_emit (&o, mk (BPF_JMP | BPF_JA, 0, 0, -3, 0));
  ob_emit (&o, EXIT ());
  ob_func (&o, "inst_x", true, 0, 5);
  EXPECT_ERROR (&o, "unbounded loop", "inst_x", 0);

  /* One branch loops forever, the other returns.  */
  ob_init (&o);
  ob_emit (&o, JEQ_K (1, 0, 1));
  ob_emit (&o, EXIT ());
  ob_emit (&o, ADD64_K (1, 1));
  ob_emit (&o, mk (BPF_JMP | BPF_JA, 0, 0, -2, 0));
  ob_func (&o, "inst_x", true, 0, 4);
  EXPECT_ERROR (&o, "unbounded loop", "inst_x", 2);
}

/* Verify O and return the bound of its function NAME (0 on error).  */
static uint64_t
bound_of (struct ob *o, const char *name, int line)
{
  struct bpfi_error err;
  struct bpfi_object *obj = NULL;
  uint64_t n = 0;
  checks++;
  if (ob_try (o, &err, &obj) == 0)
    n = bpfi_object_find (obj, name)->max_insns;
  else
    {
      failures++;
      fprintf (stderr, "%s:%d: FAIL: %s (%s, %ld)\n", __FILE__, line,
	       err.msg, err.func, err.insn);
    }
  bpfi_object_free (obj);
  return n;
}

#define BOUND(o, name) bound_of ((o), (name), __LINE__)
#define JMP(op, d, k, off) mk (BPF_JMP | (op) | BPF_K, d, 0, off, k)

/* The loop rules, on loops written by hand: exact bounds, and each
   reason for a refusal.  */
static void
test_bounds (void)
{
  struct ob o;

  /* for (i = 1; i < 50; i++), a 64-bit counter: 1 + 50 * 2 + 2.  */
  ob_init (&o);
  ob_emit (&o, MOV64_K (6, 0));
  ob_emit (&o, ADD64_K (6, 1));			/* 1: head */
  ob_emit (&o, JMP (BPF_JLT, 6, 50, -2));
  ob_emit (&o, MOV64_K (0, 0));
  ob_emit (&o, EXIT ());
  ob_func (&o, "inst_x", true, 0, o.ntext);
  CHECK (BOUND (&o, "inst_x") == 103);

  /* while (n--) from 36, the counter ending at -1 (wrapping).  */
  ob_init (&o);
  ob_emit (&o, MOV64_K (2, 36));
  ob_emit (&o, ADD64_K (2, -1));
  ob_emit (&o, JMP (BPF_JNE, 2, -1, -2));
  ob_emit (&o, EXIT ());
  ob_func (&o, "inst_x", true, 0, o.ntext);
  CHECK (BOUND (&o, "inst_x") == 1 + 37 * 2 + 1);

  /* A step of 2 against != meets 10, never 9.  */
  ob_init (&o);
  ob_emit (&o, MOV64_K (2, 0));
  ob_emit (&o, ADD64_K (2, 2));
  ob_emit (&o, JMP (BPF_JNE, 2, 10, -2));
  ob_emit (&o, EXIT ());
  ob_func (&o, "inst_x", true, 0, o.ntext);
  CHECK (BOUND (&o, "inst_x") == 1 + 5 * 2 + 1);
  o.text[2].imm = 9;
  EXPECT_ERROR (&o, "loop without a provable bound", "inst_x", 1);

  /* A signed counter down by 2 while >= 0: 18, 16, ..., 0, -2.  */
  ob_init (&o);
  ob_emit (&o, MOV64_K (2, 20));
  ob_emit (&o, ADD64_K (2, -2));
  ob_emit (&o, JMP (BPF_JSGE, 2, 0, -2));
  ob_emit (&o, EXIT ());
  ob_func (&o, "inst_x", true, 0, o.ntext);
  CHECK (BOUND (&o, "inst_x") == 1 + 11 * 2 + 1);
  /* ... unsigned, it would wrap before stopping.  */
  o.text[2] = JMP (BPF_JGE, 2, 0, -2);
  EXPECT_ERROR (&o, "loop without a provable bound", "inst_x", 1);

  /* A counter kept in a stack slot.  */
  ob_init (&o);
  ob_emit (&o, MOV64_K (1, 0));
  ob_emit (&o, STX_DW (10, 1, -8));
  ob_emit (&o, LDX_DW (1, 10, -8));		/* 2: head */
  ob_emit (&o, ADD64_K (1, 1));
  ob_emit (&o, STX_DW (10, 1, -8));
  ob_emit (&o, JMP (BPF_JNE, 1, 30, -4));
  ob_emit (&o, EXIT ());
  ob_func (&o, "inst_x", true, 0, o.ntext);
  CHECK (BOUND (&o, "inst_x") == 2 + 30 * 4 + 1);

  /* A 32-bit counter, sign-extended after each step (bpf-gcc's int).  */
  ob_init (&o);
  ob_emit (&o, mk (BPF_ALU | BPF_MOV | BPF_K, 0, 0, 0, 0));
  ob_emit (&o, mk (BPF_ALU | BPF_ADD | BPF_K, 0, 0, 0, 1));
  ob_emit (&o, mk (BPF_ALU64 | BPF_LSH | BPF_K, 0, 0, 0, 32));
  ob_emit (&o, mk (BPF_ALU64 | BPF_ARSH | BPF_K, 0, 0, 0, 32));
  ob_emit (&o, mk (BPF_JMP32 | BPF_JNE | BPF_K, 0, 0, -4, 100));
  ob_emit (&o, EXIT ());
  ob_func (&o, "inst_x", true, 0, o.ntext);
  CHECK (BOUND (&o, "inst_x") == 1 + 100 * 4 + 1);

  /* A pointer walking .data (32 bytes) to its end.  */
  ob_init (&o);
  int l1 = ob_ld64 (&o, 1, 0);
  int l2 = ob_ld64 (&o, 2, 32);
  ob_emit (&o, LDX_DW (3, 1, 0));		/* 4: head */
  ob_emit (&o, ADD64_K (1, 8));
  ob_emit (&o, mk (BPF_JMP | BPF_JNE | BPF_X, 1, 2, -3, 0));
  ob_emit (&o, EXIT ());
  ob_func (&o, "inst_x", true, 0, o.ntext);
  ob_rel (&o, l1, 2, 1);
  ob_rel (&o, l2, 2, 1);
  CHECK (BOUND (&o, "inst_x") == 2 + 4 * 3 + 1);

  /* The limit is the counter's start plus 100, both unknown.  */
  ob_init (&o);
  ob_emit (&o, MOV64_X (7, 1));
  ob_emit (&o, MOV64_X (8, 1));
  ob_emit (&o, ADD64_K (8, 100));
  ob_emit (&o, ADD64_K (7, 10));		/* 3: head */
  ob_emit (&o, mk (BPF_JMP | BPF_JNE | BPF_X, 7, 8, -2, 0));
  ob_emit (&o, EXIT ());
  ob_func (&o, "inst_x", true, 0, o.ntext);
  CHECK (BOUND (&o, "inst_x") == 3 + 10 * 2 + 1);

  /* A limit from an operand: none; from its low 3 bits: 7 at most.  */
  ob_init (&o);
  ob_emit (&o, MOV64_K (2, 0));
  ob_emit (&o, MOV64_K (2, 0));
  ob_emit (&o, ADD64_K (2, 1));			/* 2: head */
  ob_emit (&o, mk (BPF_JMP | BPF_JLT | BPF_X, 2, 1, -2, 0));
  ob_emit (&o, EXIT ());
  ob_func (&o, "inst_x", true, 0, o.ntext);
  EXPECT_ERROR (&o, "loop without a provable bound", "inst_x", 2);
  o.text[0] = mk (BPF_ALU64 | BPF_AND | BPF_K, 1, 0, 0, 7);
  CHECK (BOUND (&o, "inst_x") == 2 + 7 * 2 + 1);
  /* ... or from a comparison before the loop.  */
  o.text[0] = JMP (BPF_JGT, 1, 12, 3);
  CHECK (BOUND (&o, "inst_x") == 2 + 12 * 2 + 1);

  /* A counter stepped on some paths only.  */
  ob_init (&o);
  ob_emit (&o, MOV64_K (2, 0));
  ob_emit (&o, JEQ_K (1, 0, 1));		/* 1: head */
  ob_emit (&o, ADD64_K (2, 1));
  ob_emit (&o, JMP (BPF_JLT, 2, 10, -3));
  ob_emit (&o, EXIT ());
  ob_func (&o, "inst_x", true, 0, o.ntext);
  EXPECT_ERROR (&o, "loop without a provable bound", "inst_x", 1);

  /* A cycle with two entries.  */
  ob_init (&o);
  ob_emit (&o, JEQ_K (1, 0, 1));
  ob_emit (&o, ADD64_K (1, 1));			/* 1 */
  ob_emit (&o, ADD64_K (1, 2));			/* 2 */
  ob_emit (&o, JMP (BPF_JLT, 1, 100, -3));
  ob_emit (&o, EXIT ());
  ob_func (&o, "inst_x", true, 0, o.ntext);
  EXPECT_ERROR (&o, "loop without a provable bound", "inst_x", 1);

  /* A loop the code cannot reach (its entry is decided by constants)
     runs no time; it counts once.  */
  ob_init (&o);
  ob_emit (&o, MOV64_K (2, 0));
  ob_emit (&o, JEQ_K (2, 0, 2));
  ob_emit (&o, ADD64_K (1, 1));			/* 2: head */
  ob_emit (&o, JMP (BPF_JNE, 1, 0, -2));
  ob_emit (&o, EXIT ());
  ob_func (&o, "inst_x", true, 0, o.ntext);
  CHECK (BOUND (&o, "inst_x") == 5);

  /* A call in a loop: 3 times the callee's 1 + 4 * 2 + 1.  */
  ob_init (&o);
  ob_emit (&o, MOV64_K (6, 0));
  ob_emit (&o, CALL_REL (3));			/* 1: head */
  ob_emit (&o, ADD64_K (6, 1));
  ob_emit (&o, JMP (BPF_JLT, 6, 3, -3));
  ob_emit (&o, EXIT ());
  ob_emit (&o, MOV64_K (0, 0));			/* 5: sub */
  ob_emit (&o, ADD64_K (0, 1));
  ob_emit (&o, JMP (BPF_JLT, 0, 4, -2));
  ob_emit (&o, EXIT ());
  ob_func (&o, "inst_x", true, 0, 5);
  ob_func (&o, "sub", false, 5, 4);
  CHECK (BOUND (&o, "sub") == 10);
  CHECK (BOUND (&o, "inst_x") == 1 + 3 * (1 + 10 + 2) + 1);

  /* Nested loops of 1000 and 1001 iterations: over the budget, blamed on
     the outer loop (the inner one is short enough alone).  */
  ob_init (&o);
  ob_emit (&o, MOV64_K (6, 0));
  ob_emit (&o, MOV64_K (7, 0));			/* 1: outer head */
  ob_emit (&o, ADD64_K (7, 1));			/* 2: inner head */
  ob_emit (&o, JMP (BPF_JLT, 7, 1001, -2));
  ob_emit (&o, ADD64_K (6, 1));
  ob_emit (&o, JMP (BPF_JLT, 6, 1000, -5));
  ob_emit (&o, EXIT ());
  ob_func (&o, "inst_x", true, 0, o.ntext);
  EXPECT_ERROR (&o, "hook may run more than 1000000 instructions (bound "
		"2005002)", "inst_x", 1);
  /* ... 1000 and 498 are within it.  */
  o.text[3].imm = 498;
  CHECK (BOUND (&o, "inst_x") == 2 + 1000 * (1 + 498 * 2 + 2));
}

static void
test_object_symbol (void)
{
  /* ld_imm64 against an STT_OBJECT symbol at .data+8, immediate 4.  */
  struct ob o;
  ob_init (&o);
  int ld = ob_ld64 (&o, 1, 4);
  ob_emit (&o, LDX_DW (0, 1, 0));
  ob_emit (&o, EXIT ());
  ob_func (&o, "inst_x", true, 0, o.ntext);
  ob_rel (&o, ld, ob_sym (&o, "var", STB_LOCAL, STT_OBJECT, S_DATA, 8, 8), 1);
  struct bpfi_error err;
  struct bpfi_object *obj = NULL;
  if (!CHECK (ob_try (&o, &err, &obj) == 0))
    return;
  struct bpfi_func *f = &obj->funcs[0];
  size_t succ[2];
  CHECK (f->info[0].kind == BPFI_RELOC_DATA && f->info[0].addend == 12);
  CHECK (bpfi_insn_succs (f, 0, succ) == 1 && succ[0] == 2
	 && bpfi_insn_succs (f, 1, succ) == -1);
  CHECK (obj->data[f->info[0].index].used);
  CHECK (f->info[2].live_in == 0x43e && f->info[3].live_in == 0x43f);
  bpfi_object_free (obj);
}

static void
test_header_errors (void)
{
  struct ob o;
  make_valid (&o);
  size_t len;
  uint8_t *p = ob_build (&o, &len);
  struct bpfi_object *obj;
  struct bpfi_error err;

  /* Every truncation of a valid object fails cleanly.  */
  int bad = 0;
  for (size_t n = 0; n < len; n++)
    {
      uint8_t *q = malloc (n ? n : 1);
      memcpy (q, p, n);
      obj = (struct bpfi_object *) 1;
      int ret = bpfi_object_load_mem (q, n, "t.o", &obj, &err);
      if (ret != -EINVAL || obj != NULL || err.msg[0] == '\0')
	bad++;
      free (q);
    }
  CHECK (bad == 0);
  CHECK (bpfi_object_load_mem (p, 10, "t.o", &obj, &err) == -EINVAL
	 && strcmp (err.msg, "not an ELF file") == 0);
  CHECK (bpfi_object_load_mem (p, 100, "t.o", &obj, &err) == -EINVAL
	 && starts_with (err.msg, "truncated or corrupt ELF: "));

  uint8_t *q = malloc (len);
  memcpy (q, p, len);
  q[18] = 62;			/* e_machine = EM_X86_64 */
  q[19] = 0;
  CHECK (bpfi_object_load_mem (q, len, "t.o", &obj, &err) == -EINVAL
	 && strcmp (err.msg, "not a BPF object (ELF machine 62)") == 0);
  memcpy (q, p, len);
  q[EI_CLASS] = ELFCLASS32;
  CHECK (bpfi_object_load_mem (q, len, "t.o", &obj, &err) == -EINVAL
	 && strcmp (err.msg, "not a 64-bit ELF object") == 0);
  memcpy (q, p, len);
  q[EI_DATA] = ELFDATA2MSB;
  CHECK (bpfi_object_load_mem (q, len, "t.o", &obj, &err) == -EINVAL
	 && strcmp (err.msg, "big-endian BPF objects are not supported") == 0);
  memcpy (q, p, len);
  q[16] = ET_EXEC;
  CHECK (bpfi_object_load_mem (q, len, "t.o", &obj, &err) == -EINVAL
	 && strcmp (err.msg, "not a relocatable object") == 0);
  for (size_t i = 0; i < len; i++)
    q[i] = (uint8_t) (i * 37 + 11);
  CHECK (bpfi_object_load_mem (q, len, "t.o", &obj, &err) == -EINVAL
	 && strcmp (err.msg, "not an ELF file") == 0);
  CHECK (bpfi_object_load_mem (NULL, 0, "t.o", &obj, &err) == -EINVAL);

  /* Random corruption: never crash; whatever loads must also verify or
     fail cleanly.  */
  uint32_t seed = 12345;
  int loaded = 0;
  for (int iter = 0; iter < 4000; iter++)
    {
      memcpy (q, p, len);
      int flips = 1 + iter % 4;
      for (int k = 0; k < flips; k++)
	{
	  seed = seed * 1103515245u + 12345u;
	  size_t at = (seed >> 8) % len;
	  seed = seed * 1103515245u + 12345u;
	  q[at] ^= (uint8_t) (1u << ((seed >> 16) % 8));
	}
      obj = NULL;
      int ret = bpfi_object_load_mem (q, len, "t.o", &obj, &err);
      if (ret == 0)
	{
	  loaded++;
	  ret = bpfi_object_verify (obj, &err);
	  if (ret == 0)
	    for (size_t i = 0; i < obj->nfuncs; i++)
	      bpfi_func_uses_helper (obj, &obj->funcs[i], BPFI_HELPER_TAG1);
	  bpfi_object_free (obj);
	}
      else if (obj != NULL || err.msg[0] == '\0')
	bad++;
    }
  CHECK (bad == 0);
  CHECK (loaded > 0);
  free (q);
  free (p);

  /* Files.  */
  CHECK (bpfi_object_load ("/nonexistent/x.o", &obj, &err) == -ENOENT
	 && starts_with (err.msg, "cannot open: "));
}

static void
test_load_errors (void)
{
  struct ob o;

  /* No global inst_* function: a valid object (which hooks it defines is
     the plugin's business).  */
  ob_init (&o);
  ob_emit (&o, MOV64_K (0, 0));
  ob_emit (&o, EXIT ());
  ob_func (&o, "inst_static", false, 0, 2);
  ob_func (&o, "other", true, 0, 2);
  {
    struct bpfi_error err;
    struct bpfi_object *obj = NULL;
    CHECK (ob_try (&o, &err, &obj) == 0 && obj != NULL && obj->nfuncs == 2);
    bpfi_object_free (obj);
  }

  /* Unknown helper.  */
  make_valid (&o);
  o.strsz = 1;
  o.nsyms = 3;
  o.nrels = 0;
  ob_func (&o, "inst_add", true, 0, 16);
  ob_func (&o, "twice", false, 16, 3);
  int nh = ob_sym (&o, "no_such_helper", STB_GLOBAL, STT_NOTYPE, SHN_UNDEF,
		   0, 0);
  ob_rel (&o, 12, nh, 10);
  EXPECT_ERROR (&o, "unknown helper 'no_such_helper'", "inst_add", 12);

  /* Numbered kernel helper without relocation.  */
  make_valid (&o);
  o.nrels--;
  o.text[12].src_reg = 0;
  o.text[12].imm = 6;
  EXPECT_ERROR (&o, "unknown helper 'number 6'", "inst_add", 12);
  /* Numbered map helper (libbpf's bpf_map_lookup_elem, 1): known, but
     r1 holds no map.  */
  make_valid (&o);
  o.nrels--;
  o.text[12].src_reg = 0;
  o.text[12].imm = 1;
  EXPECT_ERROR (&o, "bpf_map_lookup_elem: r1 is not the same map on every "
		"path", "inst_add", 12);

  /* Relocation of an unknown type, and a call relocation on a non-call.  */
  make_valid (&o);
  o.rels[0].r_info = ELF64_R_INFO (2, 3);
  EXPECT_ERROR (&o, "unresolvable relocation: ", "inst_add", 3);
  make_valid (&o);
  o.rels[2].r_offset = 0;
  EXPECT_ERROR (&o, "unresolvable relocation: ", "inst_add", 0);

  /* Corrupt relocations: symbol index and offset out of range.  */
  make_valid (&o);
  o.rels[1].r_info = ELF64_R_INFO (99, 1);
  EXPECT_ERROR (&o, "truncated or corrupt ELF: ", "", -1);
  make_valid (&o);
  o.rels[1].r_offset = 8 * 1000;
  EXPECT_ERROR (&o, "truncated or corrupt ELF: ", "", -1);
  make_valid (&o);
  o.rels[1].r_offset = 7 * 8 + 4;
  EXPECT_ERROR (&o, "truncated or corrupt ELF: ", "", -1);
  /* Function symbol beyond its section, bad symbol name.  */
  make_valid (&o);
  o.syms[3].st_size = 8 * 100;
  EXPECT_ERROR (&o, "truncated or corrupt ELF: ", "", -1);
  make_valid (&o);
  o.syms[3].st_name = 100000;
  EXPECT_ERROR (&o, "truncated or corrupt ELF: ", "", -1);

  /* A used data section with relocations of its own.  */
  make_valid (&o);
  o.data_rel = true;
  EXPECT_ERROR (&o, "unresolvable relocation: relocations in data section "
		".data are not supported", "", -1);

  /* A call into the middle of a function.  */
  make_valid (&o);
  o.text[2].imm += 1;
  EXPECT_ERROR (&o, "unresolvable relocation: ", "inst_add", 2);

  /* Data addresses: within [0, size] of their section (32 bytes of
     .data, 16 of .bss).  */
  make_valid (&o);
  o.text[3].imm = 32;			/* one past the end */
  o.text[5].off = -8;
  {
    struct bpfi_error err;
    struct bpfi_object *obj = NULL;
    if (CHECK (ob_try (&o, &err, &obj) == 0))
      CHECK (obj->funcs[0].info[3].addend == 32);
    bpfi_object_free (obj);
  }
  /* ... but no access there.  */
  o.text[5].off = 0;
  EXPECT_ERROR (&o, "access at offset 32 of 8 bytes lies outside data "
		"section .data (32 bytes)", "inst_add", 5);
  o.text[5].off = -40;
  EXPECT_ERROR (&o, "access at offset -8 of 8 bytes lies outside data "
		"section .data (32 bytes)", "inst_add", 5);
  o.text[3].imm = 33;
  EXPECT_ERROR (&o, "ld_imm64 out of bounds of data section .data (offset "
		"33, size 32)", "inst_add", 3);
  o.text[3].imm = -1;
  EXPECT_ERROR (&o, "ld_imm64 out of bounds of data section .data (offset "
		"-1, size 32)", "inst_add", 3);
  o.text[3].imm = 0x7fffffff;
  EXPECT_ERROR (&o, "ld_imm64 out of bounds of data section .data (offset "
		"2147483647, size 32)", "inst_add", 3);
  /* Through a symbol: its value counts.  */
  ob_init (&o);
  int ld = ob_ld64 (&o, 1, 8);
  ob_emit (&o, LDX_DW (0, 1, -8));
  ob_emit (&o, EXIT ());
  ob_func (&o, "inst_x", true, 0, o.ntext);
  int var = ob_sym (&o, "var", STB_LOCAL, STT_OBJECT, S_BSS, 8, 8);
  ob_rel (&o, ld, var, 1);
  {
    struct bpfi_error err;
    CHECK (ob_try (&o, &err, NULL) == 0);
  }
  o.text[ld].imm = 256;
  EXPECT_ERROR (&o, "ld_imm64 out of bounds of data section .bss (offset "
		"264, size 16)", "inst_x", ld);
  o.text[ld].imm = 0;
  o.syms[var].st_value = 1000;
  EXPECT_ERROR (&o, "ld_imm64 out of bounds of data section .bss (symbol "
		"var at offset 1000, size 16)", "inst_x", ld);
}

#define AND64_K(d, k) mk (BPF_ALU64 | BPF_AND | BPF_K, d, 0, 0, k)
#define LSH64_K(d, k) mk (BPF_ALU64 | BPF_LSH | BPF_K, d, 0, 0, k)

/* Verify O, which must pass; the object, or NULL.  */
static struct bpfi_object *
verified (struct ob *o, int line)
{
  struct bpfi_error err;
  struct bpfi_object *obj = NULL;
  int ret = ob_try (o, &err, &obj);
  checks++;
  if (ret != 0)
    {
      failures++;
      fprintf (stderr, "%s:%d: FAIL: verify: %s (%s, insn %ld)\n",
	       __FILE__, line, err.msg, err.func, err.insn);
      return NULL;
    }
  return obj;
}
#define VERIFIED(o) verified ((o), __LINE__)

/* Stack pointers at offsets in a range, spilled, passed to callees; data
   pointers at offsets in a range.  */
static void
test_pointer_ranges (void)
{
  struct ob o;
  struct bpfi_object *obj;

  /* buf[a & 3] of a 32-byte array at R10 - 32.  */
  ob_init (&o);
  ob_emit (&o, AND64_K (1, 3));			/* 0 */
  ob_emit (&o, LSH64_K (1, 3));			/* 1 */
  ob_emit (&o, MOV64_X (3, 10));		/* 2 */
  ob_emit (&o, ADD64_K (3, -32));		/* 3 */
  ob_emit (&o, ADD64_X (3, 1));			/* 4 */
  ob_emit (&o, STX_DW (3, 2, 0));		/* 5 */
  ob_emit (&o, LDX_DW (0, 3, 0));		/* 6 */
  ob_emit (&o, EXIT ());			/* 7 */
  ob_func (&o, "inst_x", true, 0, o.ntext);
  if ((obj = VERIFIED (&o)) != NULL)
    {
      const struct bpfi_func *f = &obj->funcs[0];
      CHECK ((f->info[5].flags & BPFI_INSN_STACK_VAR)
	     && (f->info[6].flags & BPFI_INSN_STACK_VAR)
	     && f->stack_depth == 32 && f->stack_var);
    }
  bpfi_object_free (obj);
  /* A number on the left of the addition.  */
  o.text[4] = ADD64_X (1, 3);
  o.text[5] = STX_DW (1, 2, 0);
  o.text[6] = LDX_DW (0, 1, 0);
  if ((obj = VERIFIED (&o)) != NULL)
    CHECK (obj->funcs[0].stack_depth == 32);
  bpfi_object_free (obj);
  /* Past the top of the frame: buf[a & 7].  */
  o.text[0] = AND64_K (1, 7);
  EXPECT_ERROR (&o, "stack access at offset [-32, 24] of 8 bytes lies "
		"outside the 512-byte frame", "inst_x", 5);
  /* Below it.  */
  o.text[0] = AND64_K (1, 3);
  o.text[3] = ADD64_K (3, -528);
  EXPECT_ERROR (&o, "stack access at offset [-528, -504] of 8 bytes lies "
		"outside the 512-byte frame", "inst_x", 5);
  /* Any offset.  */
  o.text[0] = MOV64_X (1, 1);
  o.text[3] = ADD64_K (3, -32);
  EXPECT_ERROR (&o, "stack access at offset [", "inst_x", 5);
  /* A number minus a stack pointer is no pointer.  */
  o.text[0] = AND64_K (1, 3);
  o.text[4] = mk (BPF_ALU64 | BPF_SUB | BPF_X, 1, 3, 0, 0);
  EXPECT_ERROR (&o, "stack pointer escapes (r3 holds a stack address)",
		"inst_x", 4);

  /* A stack pointer spilled and read back.  */
  ob_init (&o);
  ob_emit (&o, MOV64_X (3, 10));		/* 0 */
  ob_emit (&o, ADD64_K (3, -24));		/* 1 */
  ob_emit (&o, STX_DW (10, 3, -8));		/* 2 */
  ob_emit (&o, LDX_DW (4, 10, -8));		/* 3 */
  ob_emit (&o, STX_DW (4, 1, 0));		/* 4 */
  ob_emit (&o, LDX_DW (0, 10, -24));		/* 5 */
  ob_emit (&o, EXIT ());			/* 6 */
  ob_func (&o, "inst_x", true, 0, o.ntext);
  if ((obj = VERIFIED (&o)) != NULL)
    {
      const struct bpfi_func *f = &obj->funcs[0];
      CHECK ((f->info[3].flags & BPFI_INSN_FILL) && f->info[3].fill_off == -24
	     && (f->info[4].flags & BPFI_INSN_STACK)
	     && f->info[4].stack_off == -24 && !f->stack_var);
    }
  bpfi_object_free (obj);
  /* ... but a stack pointer stored elsewhere escapes.  */
  o.text[2] = STX_DW (1, 3, 0);
  EXPECT_ERROR (&o, "stack pointer escapes (r3 holds a stack address)",
		"inst_x", 2);

  /* A pointer to the caller's frame, written by a static callee.  */
  ob_init (&o);
  ob_emit (&o, MOV64_X (1, 10));		/* 0 */
  ob_emit (&o, ADD64_K (1, -16));		/* 1 */
  int call = ob_emit (&o, CALL_REL (0));	/* 2 */
  ob_emit (&o, LDX_DW (0, 10, -8));		/* 3 */
  ob_emit (&o, EXIT ());			/* 4 */
  int fill = o.ntext;
  ob_emit (&o, MOV64_K (2, 7));			/* fill 0 */
  ob_emit (&o, STX_DW (1, 2, 8));		/* fill 1 */
  ob_emit (&o, STX_DW (1, 2, 0));		/* fill 2 */
  ob_emit (&o, EXIT ());			/* fill 3 */
  o.text[call].imm = fill - call - 1;
  ob_func (&o, "inst_x", true, 0, fill);
  ob_func (&o, "fill", false, fill, o.ntext - fill);
  if ((obj = VERIFIED (&o)) != NULL)
    {
      const struct bpfi_func *f = bpfi_object_find (obj, "inst_x");
      const struct bpfi_func *c = bpfi_object_find (obj, "fill");
      CHECK (c->args_mem == 0x2 && c->args_mem_write == 0x2
	     && c->args_mem_lo[1] == 0 && c->args_mem_hi[1] == 16
	     && c->args_num == 0 && !c->args_mem_var
	     && (c->info[1].flags & BPFI_INSN_ARGPTR) && c->info[1].ptr_arg == 1);
      CHECK (f->stack_depth == 16 && !f->stack_var
	     && BPFI_CALL_ARG (&f->info[call], 1) == BPFI_CALL_ARG_STACK
	     && (f->info[3].flags & BPFI_INSN_STACK));
    }
  bpfi_object_free (obj);
  /* Bytes above the caller's frame.  */
  o.text[fill + 1].off = 16;
  EXPECT_ERROR (&o, "stack access by fill through r1 at bytes [-16, 8) "
		"lies outside the 512-byte frame", "inst_x", call);
  /* A callee that uses the pointer as a number.  */
  o.text[fill + 1] = MOV64_X (0, 1);
  EXPECT_ERROR (&o, "stack pointer escapes (r1 holds a stack address, "
		"which fill uses as a number)", "inst_x", call);
  /* A callee forwarding it, moved by 8, to another, which reads it.  */
  ob_init (&o);
  ob_emit (&o, MOV64_X (1, 10));		/* 0 */
  ob_emit (&o, ADD64_K (1, -16));		/* 1 */
  call = ob_emit (&o, CALL_REL (0));		/* 2 */
  ob_emit (&o, EXIT ());			/* 3 */
  int fwd = o.ntext;
  ob_emit (&o, ADD64_K (1, 8));			/* fwd 0 */
  int call2 = ob_emit (&o, CALL_REL (0));	/* fwd 1 */
  ob_emit (&o, EXIT ());			/* fwd 2 */
  int rd = o.ntext;
  ob_emit (&o, LDX_DW (0, 1, 0));		/* rd 0 */
  ob_emit (&o, EXIT ());			/* rd 1 */
  o.text[call].imm = fwd - call - 1;
  o.text[call2].imm = rd - call2 - 1;
  ob_func (&o, "inst_x", true, 0, fwd);
  ob_func (&o, "fwd", false, fwd, rd - fwd);
  ob_func (&o, "rd", false, rd, o.ntext - rd);
  if ((obj = VERIFIED (&o)) != NULL)
    {
      const struct bpfi_func *f = bpfi_object_find (obj, "inst_x");
      const struct bpfi_func *c = bpfi_object_find (obj, "fwd");
      CHECK (c->args_mem == 0x2 && c->args_mem_write == 0
	     && c->args_mem_lo[1] == 8 && c->args_mem_hi[1] == 16
	     && BPFI_CALL_ARG (&c->info[1], 1) == 1);
      CHECK (f->stack_depth == 8 && !f->stack_var);
    }
  bpfi_object_free (obj);
  o.text[fwd] = ADD64_K (1, 16);
  EXPECT_ERROR (&o, "stack access by fwd through r1 at bytes [0, 8) lies "
		"outside the 512-byte frame", "inst_x", call);

  /* A loop filling a 64-byte array through a pointer, with a counter.  */
  ob_init (&o);
  ob_emit (&o, MOV64_X (2, 10));		/* 0 */
  ob_emit (&o, ADD64_K (2, -64));		/* 1 */
  ob_emit (&o, MOV64_K (3, 0));			/* 2 */
  ob_emit (&o, STX_DW (2, 3, 0));		/* 3: loop */
  ob_emit (&o, ADD64_K (2, 8));			/* 4 */
  ob_emit (&o, ADD64_K (3, 1));			/* 5 */
  ob_emit (&o, JMP (BPF_JLT, 3, 8, -4));	/* 6 */
  ob_emit (&o, LDX_DW (0, 10, -8));		/* 7 */
  ob_emit (&o, EXIT ());			/* 8 */
  ob_func (&o, "inst_x", true, 0, o.ntext);
  if ((obj = VERIFIED (&o)) != NULL)
    CHECK ((obj->funcs[0].info[3].flags & BPFI_INSN_STACK_VAR)
	   && obj->funcs[0].stack_depth == 64 && obj->funcs[0].stack_var);
  bpfi_object_free (obj);
  o.text[6].imm = 9;
  EXPECT_ERROR (&o, "stack access at offset [-64, 0] of 8 bytes lies "
		"outside the 512-byte frame", "inst_x", 3);

  /* Data: table[a & 3] of a 32-byte .data is fine, table[a & 7] not.  */
  ob_init (&o);
  ob_emit (&o, AND64_K (1, 3));			/* 0 */
  ob_emit (&o, LSH64_K (1, 3));			/* 1 */
  int ld = ob_ld64 (&o, 2, 0);			/* 2, 3 */
  ob_emit (&o, ADD64_X (2, 1));			/* 4 */
  ob_emit (&o, LDX_DW (0, 2, 0));		/* 5 */
  ob_emit (&o, EXIT ());			/* 6 */
  ob_func (&o, "inst_x", true, 0, o.ntext);
  ob_rel (&o, ld, 2, 1);
  if ((obj = VERIFIED (&o)) != NULL)
    CHECK (!(obj->funcs[0].info[5].flags
	     & (BPFI_INSN_STACK | BPFI_INSN_STACK_VAR | BPFI_INSN_ARGPTR)));
  bpfi_object_free (obj);
  o.text[0] = AND64_K (1, 7);
  EXPECT_ERROR (&o, "access at offset [0, 56] of 8 bytes lies outside data "
		"section .data (32 bytes)", "inst_x", 5);
  /* A pointer walking the section in a loop.  */
  ob_init (&o);
  ld = ob_ld64 (&o, 2, 0);			/* 0, 1 */
  ob_emit (&o, MOV64_K (0, 0));			/* 2 */
  ob_emit (&o, MOV64_K (3, 0));			/* 3 */
  ob_emit (&o, LDX_DW (4, 2, 0));		/* 4: loop */
  ob_emit (&o, ADD64_X (0, 4));			/* 5 */
  ob_emit (&o, ADD64_K (2, 8));			/* 6 */
  ob_emit (&o, ADD64_K (3, 1));			/* 7 */
  ob_emit (&o, JMP (BPF_JLT, 3, 4, -5));	/* 8 */
  ob_emit (&o, EXIT ());			/* 9 */
  ob_func (&o, "inst_x", true, 0, o.ntext);
  ob_rel (&o, ld, 2, 1);
  obj = VERIFIED (&o);
  bpfi_object_free (obj);
  o.text[8].imm = 5;
  EXPECT_ERROR (&o, "access at offset [0, 32] of 8 bytes lies outside data "
		"section .data (32 bytes)", "inst_x", 4);
}

static void
test_verify_errors (void)
{
  struct ob o;

  /* Jump out of range, into ld_imm64, falling off the end.  */
  make_valid (&o);
  o.text[13].off = 40;
  EXPECT_ERROR (&o, "jump out of range (target 54)", "inst_add", 13);
  make_valid (&o);
  o.text[13].off = -20;
  EXPECT_ERROR (&o, "jump out of range (target -6)", "inst_add", 13);
  make_valid (&o);
  o.text[13].off = -6;
  EXPECT_ERROR (&o, "jump into the middle of ld_imm64", "inst_add", 13);
  make_valid (&o);
  o.text[15] = MOV64_K (0, 2);
  EXPECT_ERROR (&o, "falls off the end", "inst_add", -2);

  /* Uninitialized registers.  */
  make_valid (&o);
  o.text[0] = MOV64_X (6, 7);
  EXPECT_ERROR (&o, "read of uninitialized register r7", "inst_add", 0);
  make_valid (&o);
  o.text[11] = MOV64_X (1, 4);	/* r4 was clobbered by the call */
  EXPECT_ERROR (&o, "read of uninitialized register r4", "inst_add", 11);
  make_valid (&o);
  o.text[14] = mk (BPF_ALU64 | BPF_ADD | BPF_K, 8, 0, 0, 1);
  EXPECT_ERROR (&o, "read of uninitialized register r8", "inst_add", 14);
  /* set_tag's argument r1 was clobbered by the previous call.  */
  ob_init (&o);
  ob_emit (&o, CALL_SYM ());
  ob_emit (&o, CALL_SYM ());
  ob_emit (&o, EXIT ());
  ob_func (&o, "inst_x", true, 0, 3);
  ob_rel (&o, 0, ob_sym (&o, "pseudo_pc", STB_GLOBAL, STT_NOTYPE, SHN_UNDEF,
			 0, 0), 10);
  ob_rel (&o, 1, ob_sym (&o, "set_tag", STB_GLOBAL, STT_NOTYPE, SHN_UNDEF,
			 0, 0), 10);
  EXPECT_ERROR (&o, "read of uninitialized register r1", "inst_x", 1);
  /* Return value set on one path only (merge is an intersection): fine
     for a void function, and live_in says R0 is not initialized.  */
  ob_init (&o);
  ob_emit (&o, JEQ_K (1, 0, 1));
  ob_emit (&o, MOV64_K (0, 1));
  ob_emit (&o, EXIT ());
  ob_func (&o, "inst_x", true, 0, 3);
  {
    struct bpfi_error err;
    struct bpfi_object *obj = NULL;
    if (CHECK (ob_try (&o, &err, &obj) == 0))
      CHECK (obj->funcs[0].info[2].live_in == 0x43e
	     && obj->funcs[0].info[1].live_in == 0x43e);
    bpfi_object_free (obj);
  }
  /* ... but then R0 is uninitialized for the code after the merge.  */
  ob_init (&o);
  ob_emit (&o, JEQ_K (1, 0, 1));
  ob_emit (&o, MOV64_K (0, 1));
  ob_emit (&o, ADD64_K (0, 1));
  ob_emit (&o, EXIT ());
  ob_func (&o, "inst_x", true, 0, 4);
  EXPECT_ERROR (&o, "read of uninitialized register r0", "inst_x", 2);

  /* Stack bounds and escapes.  */
  make_valid (&o);
  o.text[1].off = -520;
  EXPECT_ERROR (&o, "stack access out of bounds (offset -520, size 8)",
		"inst_add", 1);
  make_valid (&o);
  o.text[1].off = -4;
  EXPECT_ERROR (&o, "stack access out of bounds (offset -4, size 8)",
		"inst_add", 1);
  make_valid (&o);
  o.text[1] = ST_W (10, 0, 5);
  EXPECT_ERROR (&o, "stack access out of bounds (offset 0, size 4)",
		"inst_add", 1);
  make_valid (&o);
  o.text[9] = STX_DW (2, 10, 0);
  EXPECT_ERROR (&o, "stack pointer escapes", "inst_add", 9);
  make_valid (&o);
  o.text[0] = MOV64_X (6, 10);
  EXPECT_ERROR (&o, "stack pointer escapes", "inst_add", 13);
  make_valid (&o);
  o.text[11] = MOV64_X (1, 10);
  EXPECT_ERROR (&o, "stack pointer escapes", "inst_add", 12);
  make_valid (&o);
  o.text[10] = MOV64_X (3, 10);
  o.text[11] = ADD64_X (3, 10);
  EXPECT_ERROR (&o, "stack pointer escapes (r10 holds a stack address)",
		"inst_add", 11);
  /* A stack address left in R0 is no error, but the caller may not
     use it.  */
  make_valid (&o);
  o.text[14] = MOV64_X (0, 10);
  {
    struct bpfi_error err;
    struct bpfi_object *obj = NULL;
    if (CHECK (ob_try (&o, &err, &obj) == 0))
      CHECK (obj->funcs[0].ret_stack);
    bpfi_object_free (obj);
  }
  make_valid (&o);
  o.text[16] = MOV64_X (0, 10);
  EXPECT_ERROR (&o, "stack pointer escapes (r0 may hold a stack address)",
		"inst_add", 9);
  make_valid (&o);
  o.text[0] = mk (BPF_ALU64 | BPF_MOV | BPF_K, 10, 0, 0, 0);
  EXPECT_ERROR (&o, "write to r10", "inst_add", 0);
  /* A stack pointer whose offset depends on the path: a range.  */
  ob_init (&o);
  ob_emit (&o, MOV64_X (3, 10));
  ob_emit (&o, ADD64_K (3, -8));
  ob_emit (&o, JEQ_K (1, 0, 1));
  ob_emit (&o, ADD64_K (3, -8));
  ob_emit (&o, ST_W (3, 0, 1));
  ob_emit (&o, MOV64_K (0, 0));
  ob_emit (&o, EXIT ());
  ob_func (&o, "inst_x", true, 0, 7);
  {
    struct bpfi_error err;
    struct bpfi_object *obj = NULL;
    if (CHECK (ob_try (&o, &err, &obj) == 0))
      CHECK ((obj->funcs[0].info[4].flags & BPFI_INSN_STACK_VAR)
	     && !(obj->funcs[0].info[4].flags & BPFI_INSN_STACK)
	     && obj->funcs[0].stack_depth == 16 && obj->funcs[0].stack_var);
    bpfi_object_free (obj);
  }
  o.text[3] = ADD64_K (3, -512);
  EXPECT_ERROR (&o, "stack access at offset [-520, -8] of 4 bytes lies "
		"outside the 512-byte frame", "inst_x", 4);
  /* ... and the same with both paths agreeing is a constant.  */
  o.text[3] = ADD64_K (3, 0);
  {
    struct bpfi_error err;
    struct bpfi_object *obj = NULL;
    CHECK (ob_try (&o, &err, &obj) == 0);
    if (obj)
      CHECK (obj->funcs[0].info[4].stack_off == -8
	     && (obj->funcs[0].info[4].flags & BPFI_INSN_STACK)
	     && obj->funcs[0].stack_depth == 8 && !obj->funcs[0].stack_var);
    bpfi_object_free (obj);
  }
  /* A stack pointer and a path that holds a number.  */
  o.text[1] = MOV64_K (3, 0);
  o.text[3] = MOV64_X (3, 10);
  EXPECT_ERROR (&o, "stack pointer escapes (r3 may or may not point into "
		"the stack frame)", "inst_x", 4);

  /* Unsupported opcodes.  */
  make_valid (&o);
  o.text[0] = mk (BPF_LD | BPF_ABS | BPF_W, 0, 0, 0, 0);
  EXPECT_ERROR (&o, "unsupported opcode 0x20 (", "inst_add", 0);
  make_valid (&o);
  o.text[0] = mk (BPF_ALU64 | BPF_DIV | BPF_X, 6, 1, 1, 0);
  EXPECT_ERROR (&o, "unsupported opcode 0x3f (signed division)", "inst_add",
		0);
  make_valid (&o);
  o.text[0] = mk (BPF_ALU64 | BPF_MOV | BPF_X, 6, 1, 7, 0);
  EXPECT_ERROR (&o, "unsupported opcode 0xbf (sign-extending move of an "
		"invalid width)", "inst_add", 0);
  make_valid (&o);
  o.text[0] = mk (BPF_ALU | BPF_MOV | BPF_X, 6, 1, 32, 0);
  EXPECT_ERROR (&o, "unsupported opcode 0xbc (", "inst_add", 0);
  make_valid (&o);
  o.text[0] = mk (BPF_LDX | BPF_MEMSX | BPF_DW, 6, 1, 0, 0);
  EXPECT_ERROR (&o, "unsupported opcode 0x99 (sign-extending load of 64 "
		"bits)", "inst_add", 0);
  make_valid (&o);
  o.text[0] = mk (0x06 | BPF_JA, 0, 0, 0, 0);
  EXPECT_ERROR (&o, "unsupported opcode 0x06 (", "inst_add", 0);
  make_valid (&o);
  o.text[0] = mk (0xff, 0, 0, 0, 0);
  EXPECT_ERROR (&o, "unsupported opcode 0xff (", "inst_add", 0);
  make_valid (&o);
  o.text[7].src_reg = BPF_PSEUDO_MAP_FD;
  o.rels[1] = o.rels[2];
  o.nrels = 2;
  EXPECT_ERROR (&o, "unsupported opcode 0x18 (", "inst_add", 7);
  /* ld_imm64 in the last slot.  */
  ob_init (&o);
  ob_emit (&o, MOV64_K (0, 0));
  ob_emit (&o, EXIT ());
  ob_emit (&o, mk (BPF_LD | BPF_IMM | BPF_DW, 1, 0, 0, 0));
  ob_func (&o, "inst_x", true, 0, 3);
  EXPECT_ERROR (&o, "truncated or corrupt ELF: ", "inst_x", 2);

  /* Supported atomics and byte swaps.  */
  ob_init (&o);
  ob_emit (&o, mk (BPF_STX | BPF_ATOMIC | BPF_DW, 1, 2, 0, BPF_ADD));
  ob_emit (&o, mk (BPF_STX | BPF_ATOMIC | BPF_W, 1, 2, 4, BPF_OR | BPF_FETCH));
  ob_emit (&o, mk (BPF_STX | BPF_ATOMIC | BPF_DW, 1, 2, 0, BPF_XCHG));
  ob_emit (&o, MOV64_K (0, 0));
  ob_emit (&o, mk (BPF_STX | BPF_ATOMIC | BPF_DW, 1, 2, 0, BPF_CMPXCHG));
  ob_emit (&o, mk (BPF_ALU | BPF_END | BPF_TO_BE, 0, 0, 0, 32));
  ob_emit (&o, EXIT ());
  ob_func (&o, "inst_x", true, 0, 7);
  {
    struct bpfi_error err;
    CHECK (ob_try (&o, &err, NULL) == 0);
  }
  o.text[1].imm = 0x30;
  EXPECT_ERROR (&o, "unsupported opcode 0xc3 (", "inst_x", 1);
  o.text[1].imm = BPF_OR;
  o.text[4] = mk (BPF_STX | BPF_ATOMIC | BPF_DW, 1, 2, 0, BPF_CMPXCHG);
  o.text[3] = mk (BPF_ALU64 | BPF_MOV | BPF_K, 5, 0, 0, 0);
  o.text[0] = mk (BPF_JMP | BPF_CALL, 0, 1, 0, 2);
  EXPECT_ERROR (&o, "unresolvable relocation: ", "inst_x", 0);

  /* Recursion, direct and mutual.  */
  ob_init (&o);
  ob_emit (&o, CALL_REL (-1));
  ob_emit (&o, EXIT ());
  ob_func (&o, "inst_rec", true, 0, 2);
  EXPECT_ERROR (&o, "recursive call", "inst_rec", 0);
  ob_init (&o);
  ob_emit (&o, CALL_REL (1));		/* 0: calls b */
  ob_emit (&o, EXIT ());		/* 1 */
  ob_emit (&o, CALL_REL (-3));		/* 2: b calls a */
  ob_emit (&o, EXIT ());		/* 3 */
  ob_func (&o, "inst_a", true, 0, 2);
  ob_func (&o, "b", false, 2, 2);
  EXPECT_ERROR (&o, "recursive call", "b", 0);

  /* A call chain deeper than the verifier accepts.  */
  ob_init (&o);
  for (int k = 0; k < 80; k++)
    {
      ob_emit (&o, CALL_REL (1));
      ob_emit (&o, EXIT ());
    }
  ob_emit (&o, MOV64_K (0, 0));
  ob_emit (&o, EXIT ());
  ob_func (&o, "inst_deep", true, 0, 2);
  for (int k = 1; k <= 80; k++)
    {
      char name[16];
      snprintf (name, sizeof name, "f%d", k);
      ob_func (&o, name, false, 2 * k, 2);
    }
  EXPECT_ERROR (&o, "unsupported: BPF-to-BPF calls nested more than 64 "
		"deep", NULL, -1);
  /* ... while a chain of 8 is fine.  */
  ob_init (&o);
  for (int k = 0; k < 8; k++)
    {
      ob_emit (&o, CALL_REL (1));
      ob_emit (&o, EXIT ());
    }
  ob_emit (&o, MOV64_K (0, 0));
  ob_emit (&o, EXIT ());
  ob_func (&o, "inst_deep", true, 0, 2);
  for (int k = 1; k <= 8; k++)
    {
      char name[16];
      snprintf (name, sizeof name, "f%d", k);
      ob_func (&o, name, false, 2 * k, 2);
    }
  {
    struct bpfi_error err;
    struct bpfi_object *obj = NULL;
    if (CHECK (ob_try (&o, &err, &obj) == 0))
      CHECK (bpfi_object_find (obj, "inst_deep")->max_insns == 18
	     && bpfi_object_find (obj, "f8")->max_insns == 2
	     && bpfi_object_find (obj, "f8")->verified);
    bpfi_object_free (obj);
  }

  /* Taking the address of a BPF function.  */
  make_valid (&o);
  o.rels[0].r_info = ELF64_R_INFO (4, 1);	/* symbol "twice" */
  o.text[3].imm = 0;
  EXPECT_ERROR (&o, "unsupported: address of a BPF function", "inst_add", 3);
}

/* ------------------------------------------------------------------
   An interpreter of verified functions, to count the instructions a
   call runs (and so check the verifier's bound against runs).  Memory is
   the BPF stack, the object's data sections and buffers that stand for
   its externs; any other address is the program's memory, which reads as
   zeros and ignores what is written.  */

#define RUN_DEPTH 72
#define RUN_LIMIT 100000000
#define EXTERN_SIZE 4096

struct machine
{
  const struct bpfi_object *obj;
  uint8_t **data;		/* per data section: a copy */
  uint8_t **ext;		/* per extern: EXTERN_SIZE bytes */
  uint8_t stack[RUN_DEPTH][BPFI_STACK_SIZE];
  int depth;
  uint64_t steps;
  bool stopped;			/* stop_if_no_tags ended the hook */
  const char *bad;		/* why the run went wrong */
  uint8_t program[8];		/* the program's memory */
};

static bool
in_buf (uint64_t addr, int size, const uint8_t *p, size_t n)
{
  uint64_t lo = (uint64_t) (uintptr_t) p;
  return addr >= lo && addr - lo <= n && n - (addr - lo) >= (size_t) size;
}

static uint8_t *
mem_at (struct machine *m, uint64_t addr, int size)
{
  bool ok = in_buf (addr, size, &m->stack[0][0], sizeof m->stack);
  for (size_t k = 0; !ok && k < m->obj->ndata; k++)
    ok = in_buf (addr, size, m->data[k], m->obj->data[k].size);
  for (size_t k = 0; !ok && k < m->obj->nexterns; k++)
    ok = in_buf (addr, size, m->ext[k], EXTERN_SIZE);
  if (!ok)
    {
      memset (m->program, 0, sizeof m->program);
      return m->program;
    }
  return (uint8_t *) (uintptr_t) addr;
}

static uint64_t
sext_bits (uint64_t x, int bits)
{
  if (bits >= 64)
    return x;
  uint64_t sign = (uint64_t) 1 << (bits - 1);
  x &= (sign << 1) - 1;
  return (x ^ sign) - sign;
}

static uint64_t
swap_bytes (uint64_t x, int bits)
{
  uint64_t r = 0;
  for (int k = 0; k < bits / 8; k++)
    r = (r << 8) | ((x >> (8 * k)) & 0xff);
  return r;
}

static uint64_t
run_alu (const struct bpfi_opcode *op, const struct bpf_insn *insn,
	 uint64_t a, uint64_t b)
{
  int w = op->width;
  uint64_t mask = w == 64 ? UINT64_MAX : 0xffffffff;
  if (BPF_OP (insn->code) == BPF_END)
    return BPF_SRC (insn->code) == BPF_TO_BE ? swap_bytes (a, w)
	   : a & (w == 64 ? UINT64_MAX : ((uint64_t) 1 << w) - 1);
  a &= mask;
  b &= mask;
  uint64_t r;
  switch (BPF_OP (insn->code))
    {
    case BPF_ADD: r = a + b; break;
    case BPF_SUB: r = a - b; break;
    case BPF_MUL: r = a * b; break;
    case BPF_DIV: r = b ? a / b : 0; break;
    case BPF_MOD: r = b ? a % b : a; break;
    case BPF_OR: r = a | b; break;
    case BPF_AND: r = a & b; break;
    case BPF_XOR: r = a ^ b; break;
    case BPF_LSH: r = a << (b & (w - 1)); break;
    case BPF_RSH: r = a >> (b & (w - 1)); break;
    case BPF_ARSH:
      r = (uint64_t) ((int64_t) sext_bits (a, w) >> (b & (w - 1)));
      break;
    case BPF_NEG: r = 0 - a; break;
    default: r = op->sext ? sext_bits (b, op->sext) : b; break;	/* MOV */
    }
  return r & mask;
}

static bool
run_cond (const struct bpfi_opcode *op, const struct bpf_insn *insn,
	  uint64_t a, uint64_t b)
{
  int w = op->width;
  if (w == 32)
    {
      a &= 0xffffffff;
      b &= 0xffffffff;
    }
  int64_t sa = (int64_t) sext_bits (a, w), sb = (int64_t) sext_bits (b, w);
  switch (BPF_OP (insn->code))
    {
    case BPF_JEQ: return a == b;
    case BPF_JNE: return a != b;
    case BPF_JGT: return a > b;
    case BPF_JGE: return a >= b;
    case BPF_JLT: return a < b;
    case BPF_JLE: return a <= b;
    case BPF_JSGT: return sa > sb;
    case BPF_JSGE: return sa >= sb;
    case BPF_JSLT: return sa < sb;
    case BPF_JSLE: return sa <= sb;
    default: return (a & b) != 0;
    }
}

static uint64_t
run_helper (struct machine *m, enum bpfi_helper h, const uint64_t *r)
{
  int64_t x = (int64_t) r[1], y = (int64_t) r[2];
  switch (h)
    {
    case BPFI_HELPER_SLOW_CALL: return r[1] * 3 + 1;
    case BPFI_HELPER_PSEUDO_PC: return 12345;
    case BPFI_HELPER_BIT_WIDTH_RES:
    case BPFI_HELPER_BIT_WIDTH1:
    case BPFI_HELPER_BIT_WIDTH2:
    case BPFI_HELPER_BIT_WIDTH3: return 64;
    case BPFI_HELPER_STOP_IF_NO_TAGS: m->stopped = true; return 0;
    case BPFI_HELPER_BSWAPSI2: return swap_bytes (r[1], 32);
    case BPFI_HELPER_BSWAPDI2: return swap_bytes (r[1], 64);
    case BPFI_HELPER_POPCOUNTSI2: return __builtin_popcount ((uint32_t) r[1]);
    case BPFI_HELPER_POPCOUNTDI2: return __builtin_popcountll (r[1]);
    case BPFI_HELPER_CLZSI2: return (uint32_t) r[1] ? __builtin_clz ((uint32_t) r[1]) : 32;
    case BPFI_HELPER_CLZDI2: return r[1] ? __builtin_clzll (r[1]) : 64;
    case BPFI_HELPER_CTZSI2: return (uint32_t) r[1] ? __builtin_ctz ((uint32_t) r[1]) : 32;
    case BPFI_HELPER_CTZDI2: return r[1] ? __builtin_ctzll (r[1]) : 64;
    case BPFI_HELPER_FFSDI2: return __builtin_ffsll ((long long) r[1]);
    case BPFI_HELPER_PARITYDI2: return __builtin_parityll (r[1]);
    case BPFI_HELPER_DIVDI3:
      return y == 0 || y == -1 ? (uint64_t) (y ? -x : 0) : (uint64_t) (x / y);
    case BPFI_HELPER_MODDI3:
      return y == 0 || y == -1 ? (uint64_t) (y ? 0 : x) : (uint64_t) (x % y);
    default: return 0;		/* condition, tags, set_tag, dense store */
    }
}

/* Run F with arguments R[1..5]; count its instructions in M->steps.  */
static uint64_t
run_func (struct machine *m, const struct bpfi_func *f, const uint64_t *args)
{
  uint64_t r[11] = { 0 };
  if (m->depth >= RUN_DEPTH)
    {
      m->bad = "calls too deep";
      return 0;
    }
  memcpy (&r[1], &args[1], 5 * sizeof r[0]);
  r[10] = (uint64_t) (uintptr_t) (m->stack[m->depth] + BPFI_STACK_SIZE);
  size_t pc = 0;
  while (!m->bad && !m->stopped)
    {
      if (pc >= f->ninsns || f->info[pc].op == NULL)
	{
	  m->bad = "ran off its instructions";
	  break;
	}
      const struct bpf_insn *insn = &f->insns[pc];
      const struct bpfi_insn_info *info = &f->info[pc];
      const struct bpfi_opcode *op = info->op;
      unsigned dst = insn->dst_reg, src = insn->src_reg;
      uint64_t imm = (uint64_t) (int64_t) insn->imm;
      uint8_t *p;
      size_t next = pc + 1;
      if (++m->steps > RUN_LIMIT)
	{
	  m->bad = "runs too long";
	  break;
	}
      switch (op->lower)
	{
	case BPFI_LOWER_ALU:
	  r[dst] = run_alu (op, insn, r[dst],
			    BPF_SRC (insn->code) == BPF_X ? r[src] : imm);
	  break;
	case BPFI_LOWER_LOAD:
	  if ((p = mem_at (m, r[src] + (uint64_t) insn->off, op->width / 8)))
	    {
	      uint64_t v = 0;
	      memcpy (&v, p, op->width / 8);
	      r[dst] = op->sext ? sext_bits (v, op->sext) : v;
	    }
	  break;
	case BPFI_LOWER_STORE:
	  if ((p = mem_at (m, r[dst] + (uint64_t) insn->off, op->width / 8)))
	    {
	      uint64_t v = BPF_CLASS (insn->code) == BPF_STX ? r[src] : imm;
	      memcpy (p, &v, op->width / 8);
	    }
	  break;
	case BPFI_LOWER_ATOMIC:
	  if ((p = mem_at (m, r[dst] + (uint64_t) insn->off, op->width / 8)))
	    {
	      uint64_t old = 0, v;
	      int n = op->width / 8;
	      memcpy (&old, p, n);
	      switch (insn->imm & ~BPF_FETCH)
		{
		case BPF_ADD: v = old + r[src]; break;
		case BPF_OR: v = old | r[src]; break;
		case BPF_AND: v = old & r[src]; break;
		case BPF_XOR: v = old ^ r[src]; break;
		case BPF_XCHG & ~BPF_FETCH: v = r[src]; break;
		default:	/* CMPXCHG */
		  v = (old == (n == 8 ? r[0] : (uint32_t) r[0])) ? r[src] : old;
		  break;
		}
	      memcpy (p, &v, n);
	      if (op->operands & BPFI_OPND_R0_W)
		r[0] = old;
	      else if (op->operands & BPFI_OPND_SRC_W)
		r[src] = old;
	    }
	  break;
	case BPFI_LOWER_LD_IMM64:
	  if (info->kind == BPFI_RELOC_DATA)
	    r[dst] = (uint64_t) (uintptr_t) m->data[info->index]
		     + (uint64_t) info->addend;
	  else if (info->kind == BPFI_RELOC_EXTERN)
	    r[dst] = (uint64_t) (uintptr_t) m->ext[info->index]
		     + (uint64_t) info->addend;
	  else
	    r[dst] = (uint32_t) insn[0].imm
		     | (uint64_t) (uint32_t) insn[1].imm << 32;
	  next = pc + 2;
	  break;
	case BPFI_LOWER_JUMP:
	  if (op->succ == BPFI_SUCC_JUMP
	      || run_cond (op, insn, r[dst],
			   BPF_SRC (insn->code) == BPF_X ? r[src] : imm))
	    next = (size_t) ((long) pc + insn->off + 1);
	  break;
	case BPFI_LOWER_CALL:
	  if (info->kind == BPFI_RELOC_HELPER)
	    r[0] = run_helper (m, (enum bpfi_helper) info->index, r);
	  else
	    {
	      m->depth++;
	      r[0] = run_func (m, &m->obj->funcs[info->index], r);
	      m->depth--;
	    }
	  for (int k = 1; k <= 5; k++)
	    r[k] = 0xdeadbeefdeadbeef;
	  break;
	default:		/* EXIT */
	  return r[0];
	}
      pc = next;
    }
  return 0;
}

/* The instructions hook F of OBJ runs on A and B; 0 (with a message)
   when the run goes wrong.  */
static uint64_t
count_run (const struct bpfi_object *obj, const struct bpfi_func *f,
	   uint64_t a, uint64_t b)
{
  struct machine *m = calloc (1, sizeof *m);
  m->obj = obj;
  m->data = calloc (obj->ndata + 1, sizeof *m->data);
  m->ext = calloc (obj->nexterns + 1, sizeof *m->ext);
  for (size_t k = 0; k < obj->ndata; k++)
    {
      m->data[k] = calloc (obj->data[k].size + 1, 1);
      if (obj->data[k].bytes)
	memcpy (m->data[k], obj->data[k].bytes, obj->data[k].size);
    }
  for (size_t k = 0; k < obj->nexterns; k++)
    m->ext[k] = calloc (EXTERN_SIZE, 1);
  uint64_t args[6] = { 0, a, b, a ^ b, 3, 4 };
  run_func (m, f, args);
  uint64_t steps = m->steps;
  if (m->bad)
    {
      fprintf (stderr, "  %s (%llx, %llx): %s\n", f->name,
	       (unsigned long long) a, (unsigned long long) b, m->bad);
      steps = 0;
    }
  for (size_t k = 0; k < obj->ndata; k++)
    free (m->data[k]);
  for (size_t k = 0; k < obj->nexterns; k++)
    free (m->ext[k]);
  free (m->data);
  free (m->ext);
  free (m);
  return steps;
}

/* Run every hook of OBJ on operands that reach their loops' worst
   cases: no run may exceed the hook's bound, which (PRECISE) must not be
   far above the longest run either.  Returns the longest run of HOOK.  */
static uint64_t
check_runs (const struct bpfi_object *obj, const char *hook, bool precise)
{
  static const uint64_t vals[] = {
    0, 1, 2, 7, 15, 16, 255, 0x8000, 0x123456789abcdefULL,
    0x7fffffffffffffffULL, UINT64_MAX
  };
  const size_t nvals = sizeof vals / sizeof vals[0];
  uint64_t hook_max = 0;
  for (size_t i = 0; i < obj->nfuncs; i++)
    {
      const struct bpfi_func *f = &obj->funcs[i];
      if (!f->verified || strncmp (f->name, "inst_", 5) != 0)
	continue;
      uint64_t longest = 0;
      int over = 0, failed = 0;
      for (size_t x = 0; x < nvals; x++)
	for (size_t y = 0; y < nvals; y += 3)
	  {
	    uint64_t n = count_run (obj, f, vals[x], vals[y]);
	    failed += n == 0;
	    over += n > f->max_insns;
	    if (n > longest)
	      longest = n;
	  }
      if (!CHECK (failed == 0 && over == 0
		  && (!precise || f->max_insns <= 4 * longest + 64)))
	fprintf (stderr, "  %s: bound %llu, longest run %llu, %d runs over "
		 "the bound, %d failed\n", f->name,
		 (unsigned long long) f->max_insns,
		 (unsigned long long) longest, over, failed);
      if (hook && strcmp (f->name, hook) == 0)
	hook_max = longest;
    }
  return hook_max;
}

/* ------------------------------------------------------------------
   Compiler-built fixtures.  */

static struct bpfi_object *
load_fixture (const char *dir, const char *name, struct bpfi_error *err,
	      int *ret)
{
  char path[4096];
  snprintf (path, sizeof path, "%s/%s", dir, name);
  struct bpfi_object *obj = NULL;
  *ret = bpfi_object_load (path, &obj, err);
  return obj;
}

/* The ld_imm64 with relocation KIND in F, and the first load through the
   register it sets (the effective offset is ADDEND + load offset).  */
static bool
find_reloc_load (const struct bpfi_func *f, enum bpfi_reloc_kind kind,
		 int *index, int64_t *offset)
{
  for (size_t i = 0; i < f->ninsns; i++)
    if (f->info[i].kind == kind)
      {
	unsigned reg = f->insns[i].dst_reg;
	for (size_t j = i + 2; j < f->ninsns; j++)
	  {
	    const struct bpf_insn *in = &f->insns[j];
	    if (BPF_CLASS (in->code) == BPF_LDX && in->src_reg == reg)
	      {
		*index = f->info[i].index;
		*offset = f->info[i].addend + in->off;
		return true;
	      }
	  }
      }
  return false;
}

static bool
calls_func (const struct bpfi_object *obj, const struct bpfi_func *f,
	    const char *callee)
{
  for (size_t i = 0; i < f->ninsns; i++)
    if (f->info[i].kind == BPFI_RELOC_CALL
	&& strcmp (obj->funcs[f->info[i].index].name, callee) == 0
	&& f->insns[i].code == (BPF_JMP | BPF_CALL))
      return true;
  return false;
}

static void
check_basic (struct bpfi_object *obj, bool btf)
{
  struct bpfi_error err;
  int ret = bpfi_object_verify (obj, &err);
  if (!CHECK (ret == 0))
    {
      fprintf (stderr, "  verify: %s (%s, %ld)\n", err.msg, err.func,
	       err.insn);
      return;
    }
  check_runs (obj, NULL, true);
  static const char *const hooks[] = {
    "inst_add", "inst_load", "inst_zext", "inst_sub", "inst_neg"
  };
  for (size_t i = 0; i < sizeof hooks / sizeof hooks[0]; i++)
    {
      struct bpfi_func *f = bpfi_object_find (obj, hooks[i]);
      if (!CHECK (f != NULL))
	{
	  fprintf (stderr, "  missing %s\n", hooks[i]);
	  continue;
	}
      CHECK (f->global && f->verified);
    }
  struct bpfi_func *add = bpfi_object_find (obj, "inst_add");
  struct bpfi_func *mul_add = bpfi_object_find (obj, "mul_add");
  struct bpfi_func *util = bpfi_object_find (obj, "util_mix");
  struct bpfi_func *load = bpfi_object_find (obj, "inst_load");
  struct bpfi_func *zext = bpfi_object_find (obj, "inst_zext");
  struct bpfi_func *sub = bpfi_object_find (obj, "inst_sub");
  struct bpfi_func *neg = bpfi_object_find (obj, "inst_neg");
  if (!CHECK (add && mul_add && util && load && zext && sub && neg))
    return;
  CHECK (!mul_add->global && mul_add->verified);
  CHECK (util->global && util->verified);

  /* BPF-to-BPF calls: a static callee (relative call) and a global one
     (call through a relocation).  */
  CHECK (calls_func (obj, add, "mul_add"));
  CHECK (calls_func (obj, sub, "util_mix"));
  CHECK (add->max_insns > mul_add->max_insns
	 && sub->max_insns > util->max_insns && load->max_insns >= 3);
  CHECK (mul_add->args_read == 0x6);

  /* Helpers.  */
  CHECK (bpfi_func_uses_helper (obj, add, BPFI_HELPER_BIT_WIDTH_RES));
  CHECK (bpfi_func_uses_helper (obj, add, BPFI_HELPER_SLOW_CALL));
  CHECK (bpfi_func_uses_helper (obj, add, BPFI_HELPER_PSEUDO_PC));
  CHECK (!bpfi_func_uses_helper (obj, add, BPFI_HELPER_TAG1));
  CHECK (bpfi_func_uses_helper (obj, neg, BPFI_HELPER_TAG1));
  CHECK (bpfi_func_uses_helper (obj, neg, BPFI_HELPER_SET_TAG));
  CHECK (!bpfi_func_uses_helper (obj, load, BPFI_HELPER_PSEUDO_PC));

  /* Data: table[2] == 33 in .data.  */
  int idx;
  int64_t off;
  if (CHECK (find_reloc_load (load, BPFI_RELOC_DATA, &idx, &off)))
    {
      const struct bpfi_data *d = &obj->data[idx];
      CHECK (strcmp (d->name, ".data") == 0 && !d->readonly && d->used);
      CHECK (d->size == 32 && d->bytes != NULL && off == 16);
      uint64_t v = 0;
      if (d->bytes && off >= 0 && off + 8 <= (int64_t) d->size)
	memcpy (&v, d->bytes + off, 8);
      CHECK (v == 33);
    }
  /* Extern: native_table[3].  */
  if (CHECK (find_reloc_load (zext, BPFI_RELOC_EXTERN, &idx, &off)))
    {
      CHECK (strcmp (obj->externs[idx].name, "native_table") == 0);
      CHECK (off == 24);
    }
  bool have_counter = false, have_msg = false, have_bss = false;
  for (size_t i = 0; i < obj->nexterns; i++)
    if (strcmp (obj->externs[i].name, "counter_native") == 0)
      have_counter = true;
  CHECK (have_counter);
  for (size_t i = 0; i < obj->ndata; i++)
    {
      const struct bpfi_data *d = &obj->data[i];
      if (d->readonly && d->bytes && d->size >= 6
	  && memcmp (d->bytes, "hello", 6) == 0)
	have_msg = d->used;
      if (strcmp (d->name, ".bss") == 0)
	have_bss = d->bytes == NULL && d->size == 32 && d->used && !d->readonly;
    }
  CHECK (have_msg);
  CHECK (have_bss);
  for (size_t k = 0; k < obj->nfuncs; k++)
    {
      const struct bpfi_func *f = &obj->funcs[k];
      for (size_t i = 0; i < f->ninsns; i++)
	if (f->info[i].kind == BPFI_RELOC_DATA)
	  CHECK (f->info[i].addend >= 0
		 && (size_t) f->info[i].addend <= obj->data[f->info[i].index].size);
    }

  /* Stack use in inst_sub: a 16-byte volatile array.  */
  CHECK (sub->stack_depth >= 16 && sub->stack_depth <= BPFI_STACK_SIZE);
  int nstack = 0;
  for (size_t i = 0; i < sub->ninsns; i++)
    if (sub->info[i].flags & BPFI_INSN_STACK)
      {
	nstack++;
	CHECK (sub->info[i].stack_off < 0
	       && sub->info[i].stack_off >= -(int32_t) sub->stack_depth);
      }
  CHECK (nstack >= 4);
  /* The loop in inst_neg.  */
  int heads = 0;
  for (size_t i = 0; i < neg->ninsns; i++)
    if (neg->info[i].flags & BPFI_INSN_LOOP_HEAD)
      heads++;
  CHECK (heads >= 1);
  CHECK (add->args_read == 0x6 && zext->args_read == 0x2);
  CHECK (add->info[0].live_in == 0x43e);

  if (btf)
    {
      CHECK (add->nargs == 2 && zext->nargs == 1 && mul_add->nargs == 2);
      CHECK (neg->nargs == 1 && util->nargs == 1);
    }
  else
    CHECK (add->nargs == -1 && zext->nargs == -1);
}

static int
run_fixtures (const char *compiler, const char *dir)
{
  struct bpfi_error err;
  int ret;
  struct bpfi_object *obj;

  fprintf (stderr, "fixtures built by %s in %s\n", compiler, dir);
  obj = load_fixture (dir, "basic.o", &err, &ret);
  if (CHECK (ret == 0 && obj != NULL))
    {
      CHECK (obj->path && strstr (obj->path, "basic.o") != NULL);
      CHECK (obj->id != 0);
      check_basic (obj, false);
    }
  else
    fprintf (stderr, "  basic.o: %s\n", err.msg);
  bpfi_object_free (obj);

  obj = load_fixture (dir, "basic-g.o", &err, &ret);
  if (CHECK (ret == 0 && obj != NULL))
    check_basic (obj, true);
  else
    fprintf (stderr, "  basic-g.o: %s\n", err.msg);
  bpfi_object_free (obj);

  /* Loops: each hook verifies, its bound covers the iterations its
     loops run, and runs confirm it.  */
  static const struct
  {
    const char *hook;
    unsigned iterations, per_iteration;
  } loops[] = {
    { "inst_add", 100, 3 }, { "inst_sub", 51, 3 }, { "inst_mul", 37, 3 },
    { "inst_udiv", 64, 2 }, { "inst_sdiv", 360, 3 }, { "inst_urem", 11, 3 },
    { "inst_and", 15, 3 }, { "inst_or", 40, 3 }, { "inst_xor", 50, 3 },
    { "inst_not", 8, 3 }
  };
  obj = load_fixture (dir, "loops.o", &err, &ret);
  if (CHECK (ret == 0) && CHECK (bpfi_object_verify (obj, &err) == 0))
    {
      check_runs (obj, NULL, true);
      for (size_t k = 0; k < sizeof loops / sizeof loops[0]; k++)
	{
	  struct bpfi_func *f = bpfi_object_find (obj, loops[k].hook);
	  uint64_t least = (uint64_t) loops[k].iterations
			   * loops[k].per_iteration;
	  uint64_t run = check_runs (obj, loops[k].hook, true);
	  if (!CHECK (f && f->verified && f->max_insns >= least
		      && run >= least))
	    fprintf (stderr, "  %s: bound %llu, longest run %llu, at least "
		     "%llu expected\n", loops[k].hook,
		     f ? (unsigned long long) f->max_insns : 0ULL,
		     (unsigned long long) run, (unsigned long long) least);
	}
    }
  else
    fprintf (stderr, "  loops.o: %s (%s, %ld)\n", err.msg, err.func,
	     err.insn);
  bpfi_object_free (obj);
  static const struct
  {
    const char *file, *hook, *msg;
  } bad_loops[] = {
    { "loops-bad-1.o", "inst_add", "loop without a provable bound" },
    { "loops-bad-2.o", "inst_sub", "hook may run more than 1000000 "
      "instructions (bound " },
    { "loops-bad-3.o", "inst_mul", "loop without a provable bound" }
  };
  for (size_t k = 0; k < sizeof bad_loops / sizeof bad_loops[0]; k++)
    {
      obj = load_fixture (dir, bad_loops[k].file, &err, &ret);
      if (CHECK (ret == 0))
	{
	  ret = bpfi_object_verify (obj, &err);
	  struct bpfi_func *f = bpfi_object_find (obj, bad_loops[k].hook);
	  if (!CHECK (ret == -EINVAL && f != NULL
		      && starts_with (err.msg, bad_loops[k].msg)
		      && strcmp (err.func, bad_loops[k].hook) == 0
		      && err.insn >= 0 && (size_t) err.insn < f->ninsns))
	    fprintf (stderr, "  %s: %s (%s, %ld)\n", bad_loops[k].file,
		     err.msg, err.func, err.insn);
	}
      bpfi_object_free (obj);
    }

  /* The stack as the compilers use it: a variable index (inst_add), a
     struct filled by a callee through a pointer (inst_sub), a loop
     filling an array (inst_mul), a callee reading its caller's array
     in a loop (inst_udiv); runs check the accesses stay in the frames
     (the interpreter's stack is real memory).  */
  obj = load_fixture (dir, "stack.o", &err, &ret);
  if (CHECK (ret == 0) && CHECK (bpfi_object_verify (obj, &err) == 0))
    {
      check_runs (obj, NULL, false);
      struct bpfi_func *add = bpfi_object_find (obj, "inst_add");
      struct bpfi_func *sub = bpfi_object_find (obj, "inst_sub");
      struct bpfi_func *fill = bpfi_object_find (obj, "fill");
      struct bpfi_func *mul = bpfi_object_find (obj, "inst_mul");
      struct bpfi_func *udiv = bpfi_object_find (obj, "inst_udiv");
      struct bpfi_func *sum = bpfi_object_find (obj, "sum");
      if (CHECK (add && sub && fill && mul && udiv && sum))
	{
	  CHECK (add->stack_var && add->stack_depth == 32);
	  /* fill writes x, y and z (20 bytes) at constant offsets: the
	     caller keeps constant positions.  */
	  CHECK (fill->args_mem == 0x2 && fill->args_mem_write == 0x2
		 && fill->args_mem_lo[1] == 0 && fill->args_mem_hi[1] == 20
		 && !fill->args_mem_var && !(fill->args_num & 0x2));
	  CHECK (!sub->stack_var && sub->stack_depth >= 20
		 && sub->stack_depth <= 24);
	  CHECK (mul->stack_var && mul->stack_depth == 128);
	  /* sum reads at most v[0..7] through its argument.  */
	  CHECK ((sum->args_mem & 0x2) && !(sum->args_mem_write & 0x2)
		 && sum->args_mem_lo[1] == 0 && sum->args_mem_hi[1] <= 64
		 && !(sum->args_num & 0x2));
	  CHECK (udiv->stack_depth == 64);
	  int argptr = 0, var = 0;
	  for (size_t i = 0; i < sum->ninsns; i++)
	    argptr += (sum->info[i].flags & BPFI_INSN_ARGPTR) != 0;
	  for (size_t i = 0; i < add->ninsns; i++)
	    var += (add->info[i].flags & BPFI_INSN_STACK_VAR) != 0;
	  CHECK (argptr >= 1 && var >= 1);
	}
    }
  else
    fprintf (stderr, "  stack.o: %s (%s, %ld)\n", err.msg, err.func,
	     err.insn);
  bpfi_object_free (obj);
  static const struct
  {
    const char *file, *msg;
  } bad_stack[] = {
    { "stack-bad-1.o", "stack access at offset [-32, 24] of 8 bytes lies "
      "outside the 512-byte frame" },
    { "stack-bad-2.o", "access at offset [0, 120] of 8 bytes lies outside "
      "data section .bss (64 bytes)" },
    { "stack-bad-3.o", "stack access by clear through r1 at bytes [-64, 64) "
      "lies outside the 512-byte frame" }
  };
  for (size_t k = 0; k < sizeof bad_stack / sizeof bad_stack[0]; k++)
    {
      obj = load_fixture (dir, bad_stack[k].file, &err, &ret);
      if (CHECK (ret == 0))
	{
	  ret = bpfi_object_verify (obj, &err);
	  if (!CHECK (ret == -EINVAL && strcmp (err.msg, bad_stack[k].msg) == 0
		      && strcmp (err.func, "inst_add") == 0 && err.insn >= 0))
	    fprintf (stderr, "  %s: %s (%s, %ld)\n", bad_stack[k].file,
		     err.msg, err.func, err.insn);
	}
      bpfi_object_free (obj);
    }

  obj = load_fixture (dir, "unknown-helper.o", &err, &ret);
  CHECK (ret == -EINVAL && obj == NULL
	 && strcmp (err.msg, "unknown helper 'not_a_helper'") == 0
	 && strcmp (err.func, "inst_add") == 0 && err.insn >= 0);

  obj = load_fixture (dir, "data-reloc.o", &err, &ret);
  CHECK (ret == -EINVAL && obj == NULL
	 && strcmp (err.msg, "unresolvable relocation: relocations in data "
		    "section .data are not supported") == 0);

  /* An object without hooks loads and verifies.  */
  obj = load_fixture (dir, "no-hook.o", &err, &ret);
  if (CHECK (ret == 0 && obj != NULL))
    {
      struct bpfi_func *f = bpfi_object_find (obj, "not_a_hook");
      CHECK (f != NULL && f->global
	     && bpfi_object_verify (obj, &err) == 0 && f->verified);
    }
  else
    fprintf (stderr, "  no-hook.o: %s\n", err.msg);
  bpfi_object_free (obj);

  /* Patch an out-of-range jump into a compiler-built object.  */
  char path[4096];
  snprintf (path, sizeof path, "%s/basic.o", dir);
  FILE *fp = fopen (path, "rb");
  if (CHECK (fp != NULL))
    {
      static uint8_t buf[1 << 20];
      size_t len = fread (buf, 1, sizeof buf, fp);
      fclose (fp);
      obj = NULL;
      ret = bpfi_object_load_mem (buf, len, "basic.o", &obj, &err);
      if (CHECK (ret == 0))
	{
	  struct bpfi_func *f = bpfi_object_find (obj, "inst_neg");
	  long jump = -1;
	  for (size_t i = 0; f && i < f->ninsns; i++)
	    if (BPF_CLASS (f->insns[i].code) == BPF_JMP
		&& BPF_OP (f->insns[i].code) != BPF_CALL
		&& BPF_OP (f->insns[i].code) != BPF_EXIT)
	      {
		jump = (long) i;
		break;
	      }
	  /* Find the same instruction bytes in the file and patch them.  */
	  bool patched = false;
	  if (CHECK (jump >= 0))
	    for (size_t at = 0; at + 8 <= len && !patched; at += 8)
	      if (memcmp (buf + at, &f->insns[jump], 8) == 0
		  && at + 8 * (f->ninsns - (size_t) jump) <= len
		  && memcmp (buf + at - 8 * (size_t) jump, f->insns, 8) == 0)
		{
		  int16_t off = 1000;
		  memcpy (buf + at + 2, &off, 2);
		  patched = true;
		}
	  CHECK (patched);
	  bpfi_object_free (obj);
	  obj = NULL;
	  ret = bpfi_object_load_mem (buf, len, "basic.o", &obj, &err);
	  if (CHECK (ret == 0))
	    {
	      ret = bpfi_object_verify (obj, &err);
	      char want[64];
	      snprintf (want, sizeof want, "jump out of range (target %ld)",
			jump + 1000 + 1);
	      CHECK (ret == -EINVAL && strcmp (err.msg, want) == 0
		     && strcmp (err.func, "inst_neg") == 0
		     && err.insn == jump);
	    }
	}
      bpfi_object_free (obj);
    }
  return 0;
}

/* The opcode table: every row is found by its own encoding, every
   opcode byte is accepted or explained, and the rows say what the
   verifier and the emitter rely on.  */
static void
test_opcode_table (void)
{
  int shadowed = 0, unexplained = 0;
  for (size_t k = 0; k < bpfi_nopcodes; k++)
    {
      const struct bpfi_opcode *op = &bpfi_opcodes[k];
      struct bpf_insn insn = mk (op->code, 1, 2, 0, 0);
      if (op->off_sel == BPFI_SEL_EQ)
	insn.off = op->off;
      if (op->imm_sel == BPFI_SEL_EQ)
	insn.imm = op->imm;
      if (op->operands & BPFI_OPND_SRC_ZERO)
	insn.src_reg = 0;
      if (bpfi_opcode_find (&insn) != op || bpfi_opcode_refusal (&insn))
	{
	  shadowed++;
	  fprintf (stderr, "  row %s is not found by its encoding\n",
		   op->name);
	}
      for (size_t j = 0; j < k; j++)
	if (strcmp (bpfi_opcodes[j].name, op->name) == 0)
	  shadowed++;
    }
  CHECK (shadowed == 0);
  for (int code = 0; code < 256; code++)
    {
      struct bpf_insn insn = mk ((uint8_t) code, 1, 2, 0, 0);
      const char *why = bpfi_opcode_refusal (&insn);
      if ((bpfi_opcode_find (&insn) != NULL) == (why != NULL)
	  || (why != NULL && why[0] == '\0'))
	unexplained++;
    }
  CHECK (unexplained == 0);

  struct bpf_insn i;
  const struct bpfi_opcode *op;
  i = mk (BPF_ALU64 | BPF_DIV | BPF_X, 1, 2, 1, 0);
  CHECK (strcmp (bpfi_opcode_refusal (&i), "signed division") == 0);
  i = mk (BPF_ALU64 | BPF_ADD | BPF_K, 1, 0, 3, 0);
  CHECK (strcmp (bpfi_opcode_refusal (&i),
		 "ALU operation with a nonzero offset") == 0);
  i = mk (BPF_ALU | BPF_END | BPF_TO_BE, 1, 0, 0, 8);
  CHECK (strcmp (bpfi_opcode_refusal (&i), "byte swap of an invalid width")
	 == 0);
  i = mk (BPF_ALU | BPF_END | BPF_TO_BE, 1, 3, 0, 16);
  CHECK (strcmp (bpfi_opcode_refusal (&i), "malformed byte swap") == 0);
  i = mk (BPF_ALU64 | BPF_END | BPF_TO_LE, 1, 0, 0, 16);
  CHECK (strcmp (bpfi_opcode_refusal (&i), "unconditional byte swap") == 0);
  i = mk (BPF_STX | BPF_ATOMIC | BPF_W, 1, 2, 0, 0x30);
  CHECK (strcmp (bpfi_opcode_refusal (&i), "unknown atomic operation") == 0);
  i = mk (BPF_STX | BPF_ATOMIC | BPF_B, 1, 2, 0, BPF_ADD);
  CHECK (strcmp (bpfi_opcode_refusal (&i),
		 "atomic operation of an invalid size") == 0);
  i = mk (BPF_ALU64 | 0xe0 | BPF_K, 1, 0, 0, 0);
  CHECK (strcmp (bpfi_opcode_refusal (&i), "unknown ALU operation") == 0);
  i = mk (BPF_JMP32 | BPF_JA, 0, 0, 0, 0);
  CHECK (strcmp (bpfi_opcode_refusal (&i), "32-bit-offset jump") == 0);
  i = mk (BPF_LD | BPF_IND | BPF_B, 0, 1, 0, 0);
  CHECK (strcmp (bpfi_opcode_refusal (&i), "legacy packet load (LD_IND)")
	 == 0);

  /* What rows say.  */
  i = mk (BPF_LDX | BPF_MEMSX | BPF_H, 1, 2, -4, 0);
  op = bpfi_opcode_find (&i);
  CHECK (op && op->lower == BPFI_LOWER_LOAD && op->width == 16
	 && op->sext == 16 && strcmp (op->name, "LDX_MEMSX_H") == 0
	 && (op->operands & BPFI_OPND_MEM_SRC)
	 && (op->operands & BPFI_OPND_DST_W));
  i = mk (BPF_ALU64 | BPF_MOV | BPF_X, 1, 2, 32, 0);
  op = bpfi_opcode_find (&i);
  CHECK (op && op->lower == BPFI_LOWER_ALU && op->width == 64
	 && op->sext == 32 && !(op->operands & BPFI_OPND_PTR_COPY));
  i.off = 0;
  op = bpfi_opcode_find (&i);
  CHECK (op && op->sext == 0 && (op->operands & BPFI_OPND_PTR_COPY));
  i = mk (BPF_STX | BPF_ATOMIC | BPF_DW, 1, 2, 0, BPF_CMPXCHG);
  op = bpfi_opcode_find (&i);
  CHECK (op && op->lower == BPFI_LOWER_ATOMIC
	 && (op->operands & BPFI_OPND_R0_R) && (op->operands & BPFI_OPND_R0_W)
	 && !(op->operands & BPFI_OPND_SRC_W));
  i.imm = BPF_XCHG;
  op = bpfi_opcode_find (&i);
  CHECK (op && (op->operands & BPFI_OPND_SRC_W));
  i = mk (BPF_JMP32 | BPF_JSLT | BPF_X, 1, 2, 5, 0);
  op = bpfi_opcode_find (&i);
  CHECK (op && op->succ == BPFI_SUCC_COND && op->width == 32
	 && op->lower == BPFI_LOWER_JUMP);

  /* Successors: a conditional jump, ld_imm64, a call, a jump, exit.  */
  struct ob o;
  ob_init (&o);
  ob_emit (&o, JEQ_K (1, 0, 3));		/* 0 */
  ob_ld64 (&o, 0, 7);				/* 1, 2 */
  ob_emit (&o, CALL_REL (2));			/* 3 */
  ob_emit (&o, JA (-5));			/* 4 */
  ob_emit (&o, EXIT ());			/* 5 */
  ob_emit (&o, MOV64_K (0, 0));			/* 6: callee */
  ob_emit (&o, EXIT ());			/* 7 */
  ob_func (&o, "inst_x", true, 0, 6);
  ob_func (&o, "callee", false, 6, 2);
  size_t len;
  uint8_t *p = ob_build (&o, &len);
  struct bpfi_object *obj = NULL;
  struct bpfi_error err;
  if (CHECK (bpfi_object_load_mem (p, len, "t.o", &obj, &err) == 0))
    {
      struct bpfi_func *f = bpfi_object_find (obj, "inst_x");
      size_t succ[2];
      CHECK (bpfi_insn_succs (f, 0, succ) == 2 && succ[0] == 4
	     && succ[1] == 1);
      CHECK (bpfi_insn_succs (f, 1, succ) == 1 && succ[0] == 3);
      CHECK (bpfi_insn_succs (f, 3, succ) == 1 && succ[0] == 4);
      CHECK (bpfi_insn_succs (f, 4, succ) == 1 && succ[0] == 0);
      CHECK (bpfi_insn_succs (f, 5, succ) == 0);
      CHECK (bpfi_insn_succs (f, 6, succ) == -1);
      CHECK (bpfi_insn_succs (f, 2, succ) == -1);
      bpfi_object_free (obj);
    }
  free (p);
}

/* ISA v4's sign-extending moves and loads are accepted, with their rows;
   they never carry a stack pointer.  */
static void
test_v4 (void)
{
  struct ob o;
  ob_init (&o);
  ob_emit (&o, mk (BPF_ALU64 | BPF_MOV | BPF_X, 3, 1, 8, 0));	/* 0 */
  ob_emit (&o, mk (BPF_ALU | BPF_MOV | BPF_X, 4, 1, 16, 0));	/* 1 */
  ob_emit (&o, STX_DW (10, 1, -8));				/* 2 */
  ob_emit (&o, mk (BPF_LDX | BPF_MEMSX | BPF_B, 5, 10, -8, 0));	/* 3 */
  ob_emit (&o, mk (BPF_LDX | BPF_MEMSX | BPF_W, 0, 10, -4, 0));	/* 4 */
  ob_emit (&o, ADD64_X (0, 3));					/* 5 */
  ob_emit (&o, ADD64_X (0, 4));					/* 6 */
  ob_emit (&o, ADD64_X (0, 5));					/* 7 */
  ob_emit (&o, EXIT ());					/* 8 */
  ob_func (&o, "inst_v4", true, 0, o.ntext);
  struct bpfi_error err;
  struct bpfi_object *obj = NULL;
  if (CHECK (ob_try (&o, &err, &obj) == 0))
    {
      struct bpfi_func *f = &obj->funcs[0];
      CHECK (strcmp (f->info[0].op->name, "ALU64_MOVSX_B") == 0);
      CHECK (strcmp (f->info[1].op->name, "ALU_MOVSX_H") == 0);
      CHECK (strcmp (f->info[3].op->name, "LDX_MEMSX_B") == 0
	     && (f->info[3].flags & BPFI_INSN_STACK)
	     && f->info[3].stack_off == -8);
      CHECK ((f->info[4].flags & BPFI_INSN_STACK)
	     && f->info[4].stack_off == -4 && f->stack_depth == 8);
      CHECK (f->args_read == 0x2 && f->max_insns == 9);
    }
  else
    fprintf (stderr, "  error: %s (%s, %ld)\n", err.msg, err.func, err.insn);
  bpfi_object_free (obj);

  /* A stack address does not survive a sign-extending move.  */
  o.text[0] = mk (BPF_ALU64 | BPF_MOV | BPF_X, 3, 10, 32, 0);
  EXPECT_ERROR (&o, "stack pointer escapes", "inst_v4", 0);
  /* ALU32 has no 32-bit sign extension; MEMSX no 64-bit one.  */
  ob_init (&o);
  ob_emit (&o, mk (BPF_ALU | BPF_MOV | BPF_X, 0, 1, 32, 0));
  ob_emit (&o, EXIT ());
  ob_func (&o, "inst_v4", true, 0, 2);
  EXPECT_ERROR (&o, "unsupported opcode 0xbc (sign-extending move of an "
		"invalid width)", "inst_v4", 0);
  o.text[0] = mk (BPF_ALU64 | BPF_MOV | BPF_K, 0, 0, 8, 1);
  EXPECT_ERROR (&o, "unsupported opcode 0xb7 (ALU operation with a nonzero "
		"offset)", "inst_v4", 0);
}

static void
test_helpers (void)
{
  CHECK (bpfi_helper_lookup ("slow_call") == BPFI_HELPER_SLOW_CALL);
  CHECK (bpfi_helper_lookup ("__moddi3") == BPFI_HELPER_MODDI3);
  CHECK (bpfi_helper_lookup ("__popcountdi2") == BPFI_HELPER_POPCOUNTDI2);
  CHECK (bpfi_helper_lookup ("printf") == BPFI_HELPER_NONE);
  CHECK (bpfi_helper_lookup ("") == BPFI_HELPER_NONE);
  CHECK (bpfi_helper_nargs (BPFI_HELPER_SLOW_CALL) == 1);
  CHECK (bpfi_helper_nargs (BPFI_HELPER_PSEUDO_PC) == 0);
  CHECK (bpfi_helper_nargs (BPFI_HELPER_SET_TAG) == 1);
  CHECK (bpfi_helper_nargs (BPFI_HELPER_DIVDI3) == 2);
  for (int h = BPFI_HELPER_NONE + 1; h < BPFI_HELPER_COUNT; h++)
    CHECK (bpfi_helper_lookup (bpfi_helper_name ((enum bpfi_helper) h))
	   == (enum bpfi_helper) h);
  CHECK (strcmp (bpfi_helper_name (BPFI_HELPER_BIT_WIDTH3), "bit_width3")
	 == 0);
}

/* verify FILE... (RUNS false) and runs FILE... (RUNS true: also run
   every hook and check that no run exceeds its bound).  */
static int
run_verify (int n, char **paths, bool runs)
{
  int bad = 0;
  for (int k = 0; k < n; k++)
    {
      struct bpfi_error err;
      struct bpfi_object *obj = NULL;
      int ret = bpfi_object_load (paths[k], &obj, &err);
      if (ret == 0)
	ret = bpfi_object_verify (obj, &err);
      if (ret != 0)
	{
	  bad++;
	  if (err.insn >= 0)
	    printf ("%s: %s: instruction %ld: %s\n", paths[k], err.func,
		    err.insn, err.msg);
	  else if (err.func[0])
	    printf ("%s: %s: %s\n", paths[k], err.func, err.msg);
	  else
	    printf ("%s: %s\n", paths[k], err.msg);
	}
      else
	{
	  for (size_t i = 0; i < obj->nfuncs; i++)
	    if (obj->funcs[i].verified)
	      printf ("%s: %s: at most %llu instructions\n", paths[k],
		      obj->funcs[i].name,
		      (unsigned long long) obj->funcs[i].max_insns);
	  if (runs)
	    {
	      int before = failures;
	      check_runs (obj, NULL, false);
	      if (failures != before)
		{
		  bad++;
		  printf ("%s: a run exceeds a bound\n", paths[k]);
		}
	    }
	}
      bpfi_object_free (obj);
    }
  return bad ? 1 : 0;
}

int
main (int argc, char **argv)
{
  if (argc >= 2 && strcmp (argv[1], "synth") == 0)
    {
      test_helpers ();
      test_opcode_table ();
      test_v4 ();
      test_valid ();
      test_loop ();
      test_bounds ();
      test_unbounded_loop ();
      test_object_symbol ();
      test_header_errors ();
      test_load_errors ();
      test_verify_errors ();
  test_pointer_ranges ();
    }
  else if (argc == 4 && strcmp (argv[1], "fixtures") == 0)
    run_fixtures (argv[2], argv[3]);
  else if (argc >= 3 && strcmp (argv[1], "verify") == 0)
    return run_verify (argc - 2, argv + 2, false);
  else if (argc >= 3 && strcmp (argv[1], "runs") == 0)
    return run_verify (argc - 2, argv + 2, true);
  else
    {
      fprintf (stderr, "usage: %s synth | fixtures COMPILER DIR | verify "
	       "FILE... | runs FILE...\n", argv[0]);
      return 99;
    }
  printf ("%d passed, %d failed\n", checks - failures, failures);
  return failures ? 1 : 0;
}

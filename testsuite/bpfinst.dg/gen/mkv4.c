/* mkv4.c - write an instrumenter that uses BPF ISA v4's sign-extending
   loads and moves, which the BPF compilers here (clang 14, bpf-gcc 12)
   cannot emit.

   Usage: mkv4 OUT

   OUT gets an EM_BPF relocatable object with one hook, inst_add (a, b),
   that stores into the native half's uint64_t v4_out[14]:

     [0..2]   a sign-extended from 8, 16, 32 bits   (ALU64 MOVSX)
     [3..4]   a sign-extended from 8, 16 bits to 32 (ALU32 MOVSX)
     [5..7]   the same as [0..2], by sign-extending loads of a's bytes
	      stored on the BPF stack                (LDX MEMSX B, H, W)
     [8..10]  signed loads of the instrumenter's .data: the byte 0x80,
	      the half 0xfffe, the word 0x7fffffff
     [11]     the signed byte v4_in[1] of the native half
     [12]     b sign-extended from 8 bits
     [13]     the number of runs of the hook

   v4-native.c checks them against C's own conversions.  */

#include <elf.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef EM_BPF
#define EM_BPF 247
#endif

/* Opcode bytes (class | operation | source), as in linux/bpf.h.  */
#define ALU64_MOV_X 0xbf
#define ALU_MOV_X 0xbc
#define ALU64_ADD_K 0x07
#define ALU64_MOV_K 0xb7
#define LD_IMM_DW 0x18
#define LDX_DW 0x79
#define LDXSX_B 0x91
#define LDXSX_H 0x89
#define LDXSX_W 0x81
#define STX_DW 0x7b
#define EXIT 0x95
#define R_BPF_64_64 1

struct insn
{
  uint8_t code;
  uint8_t regs;			/* dst in the low nibble, src in the high */
  int16_t off;
  int32_t imm;
};

static struct insn text[64];
static int ntext;
static Elf64_Rel rels[8];
static int nrels;

static int
emit (uint8_t code, int dst, int src, int off, int imm)
{
  struct insn *i = &text[ntext];
  i->code = code;
  i->regs = (uint8_t) ((dst & 0xf) | (src & 0xf) << 4);
  i->off = (int16_t) off;
  i->imm = imm;
  return ntext++;
}

/* ld_imm64 DST, SYM + ADDEND: two slots and a relocation.  */
static void
emit_address (int dst, int sym, int addend)
{
  int at = emit (LD_IMM_DW, dst, 0, 0, addend);
  emit (0, 0, 0, 0, 0);
  rels[nrels].r_offset = (Elf64_Addr) at * 8;
  rels[nrels].r_info = ELF64_R_INFO (sym, R_BPF_64_64);
  nrels++;
}

/* Symbols: 0 null, 1 the .data section, 2 inst_add, 3 v4_out, 4 v4_in.  */
enum { SYM_DATA = 1, SYM_HOOK, SYM_OUT, SYM_IN, NSYMS };
enum { S_NULL, S_TEXT, S_RELTEXT, S_DATA, S_SYMTAB, S_STRTAB, S_SHSTRTAB,
       NSECS };

static const uint8_t data[8] = { 0x80, 0, 0xfe, 0xff, 0xff, 0xff, 0xff, 0x7f };

static void
hook (void)
{
  int out = 6, tmp = 3;
  emit_address (out, SYM_OUT, 0);
  /* Sign-extending moves.  */
  emit (ALU64_MOV_X, tmp, 1, 8, 0);
  emit (STX_DW, out, tmp, 0, 0);
  emit (ALU64_MOV_X, tmp, 1, 16, 0);
  emit (STX_DW, out, tmp, 8, 0);
  emit (ALU64_MOV_X, tmp, 1, 32, 0);
  emit (STX_DW, out, tmp, 16, 0);
  emit (ALU_MOV_X, tmp, 1, 8, 0);
  emit (STX_DW, out, tmp, 24, 0);
  emit (ALU_MOV_X, tmp, 1, 16, 0);
  emit (STX_DW, out, tmp, 32, 0);
  /* Sign-extending loads from the stack ...  */
  emit (STX_DW, 10, 1, -8, 0);
  emit (LDXSX_B, tmp, 10, -8, 0);
  emit (STX_DW, out, tmp, 40, 0);
  emit (LDXSX_H, tmp, 10, -8, 0);
  emit (STX_DW, out, tmp, 48, 0);
  emit (LDXSX_W, tmp, 10, -8, 0);
  emit (STX_DW, out, tmp, 56, 0);
  /* ... from the instrumenter's data ...  */
  emit_address (4, SYM_DATA, 0);
  emit (LDXSX_B, tmp, 4, 0, 0);
  emit (STX_DW, out, tmp, 64, 0);
  emit (LDXSX_H, tmp, 4, 2, 0);
  emit (STX_DW, out, tmp, 72, 0);
  emit (LDXSX_W, tmp, 4, 4, 0);
  emit (STX_DW, out, tmp, 80, 0);
  /* ... and from the program's memory.  */
  emit_address (5, SYM_IN, 0);
  emit (LDXSX_B, tmp, 5, 1, 0);
  emit (STX_DW, out, tmp, 88, 0);
  emit (ALU64_MOV_X, tmp, 2, 8, 0);
  emit (STX_DW, out, tmp, 96, 0);
  /* Count the runs.  */
  emit (LDX_DW, tmp, out, 104, 0);
  emit (ALU64_ADD_K, tmp, 0, 0, 1);
  emit (STX_DW, out, tmp, 104, 0);
  emit (ALU64_MOV_K, 0, 0, 0, 0);
  emit (EXIT, 0, 0, 0, 0);
}

struct buf
{
  uint8_t *p;
  size_t len;
};

static size_t
put (struct buf *b, const void *p, size_t n, size_t align)
{
  while (b->len % align)
    b->p[b->len++] = 0;
  memcpy (b->p + b->len, p, n);
  b->len += n;
  return b->len - n;
}

int
main (int argc, char **argv)
{
  if (argc != 2)
    {
      fprintf (stderr, "usage: mkv4 OUT\n");
      return 2;
    }
  hook ();

  static uint8_t image[16384];
  struct buf b = { image, 0 };
  Elf64_Ehdr eh;
  memset (&eh, 0, sizeof eh);
  put (&b, &eh, sizeof eh, 1);

  char strtab[64] = "";
  size_t strsz = 1;
  Elf64_Sym syms[NSYMS];
  memset (syms, 0, sizeof syms);
  syms[SYM_DATA].st_info = ELF64_ST_INFO (STB_LOCAL, STT_SECTION);
  syms[SYM_DATA].st_shndx = S_DATA;
  static const char *const names[NSYMS] = { "", "", "inst_add", "v4_out",
					    "v4_in" };
  for (int k = SYM_HOOK; k < NSYMS; k++)
    {
      syms[k].st_name = (Elf64_Word) strsz;
      strcpy (strtab + strsz, names[k]);
      strsz += strlen (names[k]) + 1;
      syms[k].st_info = ELF64_ST_INFO (STB_GLOBAL, k == SYM_HOOK ? STT_FUNC
							     : STT_NOTYPE);
    }
  syms[SYM_HOOK].st_shndx = S_TEXT;
  syms[SYM_HOOK].st_size = (Elf64_Xword) ntext * 8;

  static const char *const secnames[NSECS] = {
    "", ".text", ".rel.text", ".data", ".symtab", ".strtab", ".shstrtab"
  };
  char shstr[128] = "";
  size_t shstrsz = 1;
  Elf64_Shdr sh[NSECS];
  memset (sh, 0, sizeof sh);
  for (int k = 1; k < NSECS; k++)
    {
      sh[k].sh_name = (Elf64_Word) shstrsz;
      strcpy (shstr + shstrsz, secnames[k]);
      shstrsz += strlen (secnames[k]) + 1;
    }
  sh[S_TEXT].sh_type = SHT_PROGBITS;
  sh[S_TEXT].sh_flags = SHF_ALLOC | SHF_EXECINSTR;
  sh[S_TEXT].sh_addralign = 8;
  sh[S_TEXT].sh_size = (Elf64_Xword) ntext * 8;
  sh[S_TEXT].sh_offset = put (&b, text, sh[S_TEXT].sh_size, 8);
  sh[S_RELTEXT].sh_type = SHT_REL;
  sh[S_RELTEXT].sh_link = S_SYMTAB;
  sh[S_RELTEXT].sh_info = S_TEXT;
  sh[S_RELTEXT].sh_entsize = sizeof (Elf64_Rel);
  sh[S_RELTEXT].sh_addralign = 8;
  sh[S_RELTEXT].sh_size = (Elf64_Xword) nrels * sizeof (Elf64_Rel);
  sh[S_RELTEXT].sh_offset = put (&b, rels, sh[S_RELTEXT].sh_size, 8);
  sh[S_DATA].sh_type = SHT_PROGBITS;
  sh[S_DATA].sh_flags = SHF_ALLOC | SHF_WRITE;
  sh[S_DATA].sh_addralign = 8;
  sh[S_DATA].sh_size = sizeof data;
  sh[S_DATA].sh_offset = put (&b, data, sizeof data, 8);
  sh[S_SYMTAB].sh_type = SHT_SYMTAB;
  sh[S_SYMTAB].sh_link = S_STRTAB;
  sh[S_SYMTAB].sh_info = SYM_HOOK;	/* the first global symbol */
  sh[S_SYMTAB].sh_entsize = sizeof (Elf64_Sym);
  sh[S_SYMTAB].sh_addralign = 8;
  sh[S_SYMTAB].sh_size = sizeof syms;
  sh[S_SYMTAB].sh_offset = put (&b, syms, sizeof syms, 8);
  sh[S_STRTAB].sh_type = SHT_STRTAB;
  sh[S_STRTAB].sh_addralign = 1;
  sh[S_STRTAB].sh_size = strsz;
  sh[S_STRTAB].sh_offset = put (&b, strtab, strsz, 1);
  sh[S_SHSTRTAB].sh_type = SHT_STRTAB;
  sh[S_SHSTRTAB].sh_addralign = 1;
  sh[S_SHSTRTAB].sh_size = shstrsz;
  sh[S_SHSTRTAB].sh_offset = put (&b, shstr, shstrsz, 1);

  memcpy (eh.e_ident, ELFMAG, SELFMAG);
  eh.e_ident[EI_CLASS] = ELFCLASS64;
  eh.e_ident[EI_DATA] = ELFDATA2LSB;
  eh.e_ident[EI_VERSION] = EV_CURRENT;
  eh.e_type = ET_REL;
  eh.e_machine = EM_BPF;
  eh.e_version = EV_CURRENT;
  eh.e_shoff = put (&b, sh, sizeof sh, 8);
  eh.e_ehsize = sizeof eh;
  eh.e_shentsize = sizeof (Elf64_Shdr);
  eh.e_shnum = NSECS;
  eh.e_shstrndx = S_SHSTRTAB;
  memcpy (image, &eh, sizeof eh);

  FILE *f = fopen (argv[1], "wb");
  if (f == NULL || fwrite (image, 1, b.len, f) != b.len || fclose (f) != 0)
    {
      fprintf (stderr, "mkv4: cannot write %s\n", argv[1]);
      return 1;
    }
  return 0;
}

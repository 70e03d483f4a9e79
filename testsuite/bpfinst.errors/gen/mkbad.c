/* mkbad.c - damage a valid BPF object in one precise way.

   Used by the bpfinst.errors tests to make the bad instrumenters the
   plugin must reject, from objects compiled at test time.

   Usage: mkbad MODE IN OUT [ARGS...]

     truncate N          keep the first N bytes
     shoff               point e_shoff past the end of the file
     secoff NAME         point section NAME's sh_offset past the end
     class32             mark the file ELFCLASS32
     version N           set the identification's version byte
                         (e_ident[EI_VERSION]) to N
     etype N             set e_type to N
     opcode FUNC BYTE    set the opcode of FUNC's first instruction
     jump FUNC           make FUNC's first jump target far past its end
     jump-imm64 FUNC     make FUNC's first jump land inside an ld_imm64
     stack FUNC          move FUNC's first stack access to r10 - 4096
     reloc FUNC          give the first relocation inside FUNC the
                         unknown type 0xee
     dataoff FUNC IMM    set to IMM the immediate of FUNC's first ld_imm64
                         that loads an address in a data section

   Only 64-bit little-endian ELF is handled, which is what clang -target
   bpf and bpf-gcc produce.  Exits 0 on success, 1 (with a message) when
   the input has nothing to damage.  */

#include <elf.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* BPF instruction layout (struct bpf_insn): opcode, registers (dst low
   nibble, src high nibble), 16-bit offset, 32-bit immediate.  */
#define INSN_SIZE 8
#define CLASS(code) ((code) & 0x07)
#define CLASS_LD 0x00
#define CLASS_LDX 0x01
#define CLASS_ST 0x02
#define CLASS_STX 0x03
#define CLASS_JMP 0x05
#define CLASS_JMP32 0x06
#define JMP_OP(code) ((code) & 0xf0)
#define JMP_CALL 0x80
#define JMP_EXIT 0x90
#define LD_IMM64 0x18
#define MEM_MODE 0x60

static unsigned char *buf;
static size_t len;

static void
die (const char *fmt, const char *arg)
{
  fprintf (stderr, "mkbad: ");
  fprintf (stderr, fmt, arg);
  fputc ('\n', stderr);
  exit (1);
}

static void
load (const char *path)
{
  FILE *f = fopen (path, "rb");
  long n;
  if (!f)
    die ("cannot open %s", path);
  if (fseek (f, 0, SEEK_END) != 0 || (n = ftell (f)) < 0
      || fseek (f, 0, SEEK_SET) != 0)
    die ("cannot size %s", path);
  len = (size_t) n;
  buf = malloc (len ? len : 1);
  if (!buf || fread (buf, 1, len, f) != len)
    die ("cannot read %s", path);
  fclose (f);
}

static void
save (const char *path, size_t n)
{
  FILE *f = fopen (path, "wb");
  if (!f || fwrite (buf, 1, n, f) != n || fclose (f) != 0)
    die ("cannot write %s", path);
}

static Elf64_Ehdr *
ehdr (void)
{
  Elf64_Ehdr *eh = (Elf64_Ehdr *) buf;
  if (len < sizeof *eh || memcmp (eh->e_ident, ELFMAG, SELFMAG) != 0
      || eh->e_ident[EI_CLASS] != ELFCLASS64
      || eh->e_ident[EI_DATA] != ELFDATA2LSB)
    die ("%s", "input is not a 64-bit little-endian ELF file");
  if (eh->e_shoff == 0 || eh->e_shoff + (uint64_t) eh->e_shnum
      * sizeof (Elf64_Shdr) > len)
    die ("%s", "input has no usable section table");
  return eh;
}

static Elf64_Shdr *
shdr (size_t i)
{
  Elf64_Ehdr *eh = ehdr ();
  if (i >= eh->e_shnum)
    die ("%s", "section index out of range");
  return (Elf64_Shdr *) (buf + eh->e_shoff) + i;
}

static const char *
secname (size_t i)
{
  Elf64_Shdr *strs = shdr (ehdr ()->e_shstrndx);
  return (const char *) buf + strs->sh_offset + shdr (i)->sh_name;
}

/* Find function NAME: its section, its first byte's file offset, and its
   size in bytes (to the end of the section when the symbol has none).  */
static void
find_func (const char *name, size_t *sec, size_t *off, size_t *size)
{
  Elf64_Ehdr *eh = ehdr ();
  for (size_t i = 0; i < eh->e_shnum; i++)
    {
      Elf64_Shdr *sh = shdr (i);
      if (sh->sh_type != SHT_SYMTAB)
	continue;
      Elf64_Shdr *strs = shdr (sh->sh_link);
      Elf64_Sym *syms = (Elf64_Sym *) (buf + sh->sh_offset);
      size_t n = sh->sh_size / sizeof (Elf64_Sym);
      for (size_t j = 0; j < n; j++)
	{
	  const char *s = (const char *) buf + strs->sh_offset
			  + syms[j].st_name;
	  if (strcmp (s, name) != 0 || syms[j].st_shndx == SHN_UNDEF
	      || syms[j].st_shndx >= eh->e_shnum)
	    continue;
	  Elf64_Shdr *code = shdr (syms[j].st_shndx);
	  *sec = syms[j].st_shndx;
	  *off = code->sh_offset + syms[j].st_value;
	  *size = syms[j].st_size ? syms[j].st_size
				  : code->sh_size - syms[j].st_value;
	  return;
	}
    }
  die ("no function %s", name);
}

static int
is_jump (const unsigned char *insn)
{
  unsigned code = insn[0];
  if (CLASS (code) != CLASS_JMP && CLASS (code) != CLASS_JMP32)
    return 0;
  return JMP_OP (code) != JMP_CALL && JMP_OP (code) != JMP_EXIT;
}

static void
set_off (unsigned char *insn, int16_t off)
{
  uint16_t u = (uint16_t) off;
  insn[2] = u & 0xff;
  insn[3] = u >> 8;
}

int
main (int argc, char **argv)
{
  if (argc < 4)
    {
      fprintf (stderr, "usage: mkbad MODE IN OUT [ARGS...]\n");
      return 2;
    }
  const char *mode = argv[1];
  const char *arg = argc > 4 ? argv[4] : NULL;
  size_t outlen;
  load (argv[2]);
  outlen = len;

  if (strcmp (mode, "truncate") == 0)
    {
      size_t n = arg ? (size_t) strtoul (arg, NULL, 0) : len / 2;
      if (n >= len)
	die ("%s", "file already shorter than that");
      outlen = n;
    }
  else if (strcmp (mode, "shoff") == 0)
    ehdr ()->e_shoff = len + 4096;
  else if (strcmp (mode, "secoff") == 0)
    {
      Elf64_Ehdr *eh = ehdr ();
      size_t i;
      if (!arg)
	die ("%s", "secoff needs a section name");
      for (i = 0; i < eh->e_shnum; i++)
	if (strcmp (secname (i), arg) == 0)
	  break;
      if (i == eh->e_shnum)
	die ("no section %s", arg);
      shdr (i)->sh_offset = len + 4096;
    }
  else if (strcmp (mode, "class32") == 0)
    {
      ehdr ();
      buf[EI_CLASS] = ELFCLASS32;
    }
  else if (strcmp (mode, "version") == 0)
    {
      ehdr ();
      buf[EI_VERSION] = (unsigned char) strtoul (arg ? arg : "2", NULL, 0);
    }
  else if (strcmp (mode, "etype") == 0)
    ehdr ()->e_type = (Elf64_Half) strtoul (arg ? arg : "2", NULL, 0);
  else if (strcmp (mode, "opcode") == 0)
    {
      size_t sec, off, size;
      if (!arg || argc < 6)
	die ("%s", "opcode needs a function and a byte");
      find_func (arg, &sec, &off, &size);
      buf[off] = (unsigned char) strtoul (argv[5], NULL, 0);
    }
  else if (strcmp (mode, "jump") == 0 || strcmp (mode, "jump-imm64") == 0)
    {
      size_t sec, off, size, n, j, k;
      if (!arg)
	die ("%s", "jump needs a function");
      find_func (arg, &sec, &off, &size);
      n = size / INSN_SIZE;
      for (j = 0; j < n; j++)
	if (is_jump (buf + off + j * INSN_SIZE))
	  break;
      if (j == n)
	die ("no jump in %s", arg);
      if (strcmp (mode, "jump") == 0)
	set_off (buf + off + j * INSN_SIZE, 0x4000);
      else
	{
	  for (k = 0; k < n; k++)
	    if (buf[off + k * INSN_SIZE] == LD_IMM64)
	      break;
	  if (k == n)
	    die ("no ld_imm64 in %s", arg);
	  /* Target k + 1, the second half: off = (k + 1) - (j + 1).  */
	  set_off (buf + off + j * INSN_SIZE, (int16_t) (k - j));
	}
    }
  else if (strcmp (mode, "stack") == 0)
    {
      size_t sec, off, size, n, j;
      if (!arg)
	die ("%s", "stack needs a function");
      find_func (arg, &sec, &off, &size);
      n = size / INSN_SIZE;
      for (j = 0; j < n; j++)
	{
	  unsigned char *insn = buf + off + j * INSN_SIZE;
	  unsigned code = insn[0];
	  unsigned dst = insn[1] & 0x0f, src = insn[1] >> 4;
	  if ((code & 0xe0) != MEM_MODE)
	    continue;
	  if ((CLASS (code) == CLASS_LDX && src == 10)
	      || ((CLASS (code) == CLASS_ST || CLASS (code) == CLASS_STX)
		  && dst == 10))
	    {
	      set_off (insn, -4096);
	      break;
	    }
	}
      if (j == n)
	die ("no stack access in %s", arg);
    }
  else if (strcmp (mode, "reloc") == 0)
    {
      Elf64_Ehdr *eh = ehdr ();
      size_t sec, off, size, i, done = 0;
      if (!arg)
	die ("%s", "reloc needs a function");
      find_func (arg, &sec, &off, &size);
      off -= shdr (sec)->sh_offset;
      for (i = 0; i < eh->e_shnum && !done; i++)
	{
	  Elf64_Shdr *sh = shdr (i);
	  if (sh->sh_type != SHT_REL || sh->sh_info != sec)
	    continue;
	  Elf64_Rel *rel = (Elf64_Rel *) (buf + sh->sh_offset);
	  size_t n = sh->sh_size / sizeof (Elf64_Rel);
	  for (size_t j = 0; j < n; j++)
	    if (rel[j].r_offset >= off && rel[j].r_offset < off + size)
	      {
		rel[j].r_info = ELF64_R_INFO (ELF64_R_SYM (rel[j].r_info),
					      0xee);
		done = 1;
		break;
	      }
	}
      if (!done)
	die ("no relocation in %s", arg);
    }
  else if (strcmp (mode, "dataoff") == 0)
    {
      Elf64_Ehdr *eh = ehdr ();
      size_t sec, off, size, i, done = 0;
      if (!arg || argc < 6)
	die ("%s", "dataoff needs a function and an immediate");
      int32_t imm = (int32_t) strtol (argv[5], NULL, 0);
      find_func (arg, &sec, &off, &size);
      size_t code = shdr (sec)->sh_offset;
      off -= code;
      for (i = 0; i < eh->e_shnum && !done; i++)
	{
	  Elf64_Shdr *sh = shdr (i);
	  if (sh->sh_type != SHT_REL || sh->sh_info != sec)
	    continue;
	  Elf64_Shdr *symtab = shdr (sh->sh_link);
	  Elf64_Sym *syms = (Elf64_Sym *) (buf + symtab->sh_offset);
	  Elf64_Rel *rel = (Elf64_Rel *) (buf + sh->sh_offset);
	  size_t n = sh->sh_size / sizeof (Elf64_Rel);
	  for (size_t j = 0; j < n && !done; j++)
	    {
	      unsigned char *insn = buf + code + rel[j].r_offset;
	      Elf64_Sym *sym = &syms[ELF64_R_SYM (rel[j].r_info)];
	      if (rel[j].r_offset < off || rel[j].r_offset >= off + size
		  || insn[0] != LD_IMM64 || sym->st_shndx == SHN_UNDEF
		  || sym->st_shndx >= eh->e_shnum)
		continue;
	      Elf64_Shdr *target = shdr (sym->st_shndx);
	      if (!(target->sh_flags & SHF_ALLOC)
		  || (target->sh_flags & SHF_EXECINSTR))
		continue;
	      memcpy (insn + 4, &imm, 4);
	      done = 1;
	    }
	}
      if (!done)
	die ("no ld_imm64 of a data address in %s", arg);
    }
  else
    die ("unknown mode %s", mode);

  save (argv[3], outlen);
  return 0;
}

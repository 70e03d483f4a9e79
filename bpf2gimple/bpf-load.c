/* bpf-load.c - read an instrumenter's BPF half from an ELF object.

   The object is an EM_BPF, ELF64, little-endian relocatable file as
   written by clang -target bpf or by bpf-gcc.  Every STT_FUNC symbol in an
   executable section becomes a bpfi_func holding its own copy of the
   instructions; every allocated non-executable section becomes a bpfi_data;
   relocations are resolved into per-instruction bpfi_insn_info records.
   The input is untrusted: every offset, size and index is checked before
   use.  */

#define _DEFAULT_SOURCE 1

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gelf.h>
#include <libelf.h>
#include <bpf/btf.h>
#include <bpf/libbpf.h>

#include "bpf-prog.h"

#ifndef EM_BPF
#define EM_BPF 247
#endif

#define R_BPF_64_64 1
#define R_BPF_64_32 10

/* Largest NOBITS section accepted; anything bigger is surely corrupt.  */
#define MAX_NOBITS_SIZE ((uint64_t) 1 << 30)

/* Loader state, alive for one call of bpfi_object_load_mem.  */
struct loader
{
  const uint8_t *buf;
  size_t len;
  Elf *elf;
  struct bpfi_object *obj;
  struct bpfi_error *err;

  size_t shnum;
  size_t shstrndx;
  GElf_Shdr *shdrs;
  const char **secnames;
  bool *is_code;
  int *data_index;		/* per ELF section: index in obj->data or -1 */
  bool *data_has_relocs;	/* per obj->data entry */
  uint64_t *max_func_size;	/* per ELF section */

  size_t symtab;		/* section index of .symtab, 0 if none */
  size_t strtab;
  Elf_Data *symdata;
  size_t nsyms;

  uint64_t *fstart;		/* per function: byte offset in its section */
};

int
bpfi_error_set (struct bpfi_error *err, const char *func, long insn,
		const char *fmt, ...)
{
  if (err != NULL)
    {
      va_list ap;
      va_start (ap, fmt);
      vsnprintf (err->msg, sizeof err->msg, fmt, ap);
      va_end (ap);
      snprintf (err->func, sizeof err->func, "%s", func ? func : "");
      err->insn = insn;
    }
  return -EINVAL;
}

#define corrupt(L, ...) \
  bpfi_error_set ((L)->err, NULL, -1, "truncated or corrupt ELF: " __VA_ARGS__)

static uint64_t
fnv1a64 (const uint8_t *p, size_t n)
{
  uint64_t h = UINT64_C (0xcbf29ce484222325);
  for (size_t i = 0; i < n; i++)
    {
      h ^= p[i];
      h *= UINT64_C (0x100000001b3);
    }
  return h;
}

static char *
xstrdup (const char *s)
{
  size_t n = strlen (s) + 1;
  char *p = malloc (n);
  if (p != NULL)
    memcpy (p, s, n);
  return p;
}

static int
oom (struct loader *l)
{
  bpfi_error_set (l->err, NULL, -1, "out of memory");
  return -ENOMEM;
}

void
bpfi_object_free (struct bpfi_object *obj)
{
  if (obj == NULL)
    return;
  for (size_t i = 0; i < obj->nfuncs; i++)
    {
      free (obj->funcs[i].name);
      free (obj->funcs[i].insns);
      free (obj->funcs[i].info);
    }
  free (obj->funcs);
  for (size_t i = 0; i < obj->ndata; i++)
    {
      free (obj->data[i].name);
      free (obj->data[i].bytes);
    }
  free (obj->data);
  for (size_t i = 0; i < obj->nexterns; i++)
    free (obj->externs[i].name);
  free (obj->externs);
  free (obj->path);
  free (obj);
}

struct bpfi_func *
bpfi_object_find (struct bpfi_object *obj, const char *name)
{
  if (obj == NULL || name == NULL)
    return NULL;
  for (size_t i = 0; i < obj->nfuncs; i++)
    if (strcmp (obj->funcs[i].name, name) == 0)
      return &obj->funcs[i];
  return NULL;
}

/* Check the ELF identification and header fields we insist on.  */
static int
check_header (struct loader *l)
{
  const uint8_t *b = l->buf;
  if (l->len < EI_NIDENT || memcmp (b, ELFMAG, SELFMAG) != 0)
    return bpfi_error_set (l->err, NULL, -1, "not an ELF file");
  if (b[EI_CLASS] != ELFCLASS64)
    return bpfi_error_set (l->err, NULL, -1, "not a 64-bit ELF object");
  if (b[EI_DATA] == ELFDATA2MSB)
    return bpfi_error_set (l->err, NULL, -1,
		      "big-endian BPF objects are not supported");
  if (b[EI_DATA] != ELFDATA2LSB)
    return corrupt (l, "unknown data encoding %u", (unsigned) b[EI_DATA]);
  if (b[EI_VERSION] != EV_CURRENT)
    return corrupt (l, "ELF version %u in the identification bytes, not %u "
		    "(EV_CURRENT)", (unsigned) b[EI_VERSION], EV_CURRENT);
  if (l->len < sizeof (Elf64_Ehdr))
    return corrupt (l, "file too short for an ELF header");
  Elf64_Ehdr eh;
  memcpy (&eh, b, sizeof eh);
  if (eh.e_type != ET_REL)
    return bpfi_error_set (l->err, NULL, -1, "not a relocatable object");
  if (eh.e_machine != EM_BPF)
    return bpfi_error_set (l->err, NULL, -1, "not a BPF object (ELF machine %u)",
		      (unsigned) eh.e_machine);
  /* libelf would only find no sections in these cases.  */
  if (eh.e_shoff == 0)
    return corrupt (l, "no section header table (e_shoff is 0)");
  if (eh.e_shentsize != sizeof (Elf64_Shdr))
    return corrupt (l, "section headers of %u bytes (e_shentsize), not %zu",
		    (unsigned) eh.e_shentsize, sizeof (Elf64_Shdr));
  /* With e_shnum 0, the count is in the first header: it must be there.  */
  uint64_t count = eh.e_shnum != 0 ? eh.e_shnum : 1;
  if (eh.e_shoff > l->len
      || count > (l->len - eh.e_shoff) / sizeof (Elf64_Shdr))
    return corrupt (l, "the section header table (%llu bytes at offset "
		    "%llu) lies past the end of the file (%zu bytes)",
		    (unsigned long long) (count * sizeof (Elf64_Shdr)),
		    (unsigned long long) eh.e_shoff, l->len);
  return 0;
}

/* libelf's message for its last error, or FALLBACK when it recorded
   none (it does not for every input it refuses).  */
static const char *
libelf_msg (const char *fallback)
{
  int e = elf_errno ();
  return e != 0 ? elf_errmsg (e) : fallback;
}

/* Read and check all section headers.  */
static int
read_sections (struct loader *l)
{
  if (elf_getshdrnum (l->elf, &l->shnum) != 0)
    return corrupt (l, "cannot count the sections: %s",
		    libelf_msg ("bad section header table"));
  if (elf_getshdrstrndx (l->elf, &l->shstrndx) != 0)
    return corrupt (l, "cannot find the section name table: %s",
		    libelf_msg ("bad e_shstrndx"));
  if (l->shnum == 0)
    return corrupt (l, "no sections (the section header table is empty)");
  if (l->shstrndx == 0 || l->shstrndx >= l->shnum)
    return corrupt (l, "bad section name table index %zu", l->shstrndx);
  /* Each header takes 64 bytes of the file, so this bounds the count.  */
  if (l->shnum > l->len / sizeof (Elf64_Shdr))
    return corrupt (l, "section header table out of bounds");

  l->shdrs = calloc (l->shnum, sizeof *l->shdrs);
  l->secnames = calloc (l->shnum, sizeof *l->secnames);
  l->is_code = calloc (l->shnum, sizeof *l->is_code);
  l->data_index = malloc (l->shnum * sizeof *l->data_index);
  l->max_func_size = calloc (l->shnum, sizeof *l->max_func_size);
  if (!l->shdrs || !l->secnames || !l->is_code || !l->data_index
      || !l->max_func_size)
    return oom (l);

  for (size_t i = 0; i < l->shnum; i++)
    {
      l->data_index[i] = -1;
      Elf_Scn *scn = elf_getscn (l->elf, i);
      if (scn == NULL || gelf_getshdr (scn, &l->shdrs[i]) == NULL)
	return corrupt (l, "cannot read section header %zu: %s", i,
			libelf_msg ("libelf refused it"));
      GElf_Shdr *sh = &l->shdrs[i];
      if (i == 0)
	{
	  l->secnames[i] = "";
	  continue;
	}
      const char *name = elf_strptr (l->elf, l->shstrndx, sh->sh_name);
      if (name == NULL)
	return corrupt (l, "bad name of section %zu", i);
      l->secnames[i] = name;
      if (sh->sh_type != SHT_NOBITS && sh->sh_type != SHT_NULL)
	{
	  if (sh->sh_offset > l->len || sh->sh_size > l->len - sh->sh_offset)
	    return corrupt (l, "section %s extends past the end of the file",
			    name);
	}
      if (sh->sh_type == SHT_PROGBITS && (sh->sh_flags & SHF_EXECINSTR))
	{
	  if (sh->sh_size % sizeof (struct bpf_insn) != 0)
	    return corrupt (l, "code section %s size %llu is not a multiple "
			    "of 8", name, (unsigned long long) sh->sh_size);
	  l->is_code[i] = true;
	}
      if (sh->sh_type == SHT_SYMTAB)
	{
	  if (l->symtab != 0)
	    return corrupt (l, "more than one symbol table");
	  l->symtab = i;
	}
    }
  return 0;
}

/* Bytes of section I (NULL for an empty or NOBITS section).  */
static const uint8_t *
section_bytes (struct loader *l, size_t i)
{
  const GElf_Shdr *sh = &l->shdrs[i];
  if (sh->sh_type == SHT_NOBITS || sh->sh_size == 0)
    return NULL;
  return l->buf + sh->sh_offset;
}

static int
read_symbols (struct loader *l)
{
  if (l->symtab == 0)
    return 0;
  GElf_Shdr *sh = &l->shdrs[l->symtab];
  if (sh->sh_entsize != sizeof (Elf64_Sym))
    return corrupt (l, "bad symbol table entry size");
  if (sh->sh_link == 0 || sh->sh_link >= l->shnum
      || l->shdrs[sh->sh_link].sh_type != SHT_STRTAB)
    return corrupt (l, "bad symbol string table index");
  l->strtab = sh->sh_link;
  Elf_Scn *scn = elf_getscn (l->elf, l->symtab);
  l->symdata = scn ? elf_getdata (scn, NULL) : NULL;
  if (l->symdata == NULL)
    {
      if (sh->sh_size == 0)
	return 0;
      return corrupt (l, "cannot read the symbol table: %s",
		      libelf_msg ("its bytes lie outside the file"));
    }
  l->nsyms = l->symdata->d_size / sizeof (Elf64_Sym);
  return 0;
}

static int
get_symbol (struct loader *l, size_t idx, GElf_Sym *sym, const char **name)
{
  if (idx >= l->nsyms || gelf_getsym (l->symdata, (int) idx, sym) == NULL)
    return corrupt (l, "bad symbol index %zu", idx);
  if (GELF_ST_TYPE (sym->st_info) == STT_SECTION)
    {
      if (sym->st_shndx == SHN_UNDEF || sym->st_shndx >= l->shnum)
	return corrupt (l, "section symbol %zu has a bad section index", idx);
      *name = l->secnames[sym->st_shndx];
      return 0;
    }
  const char *n = elf_strptr (l->elf, l->strtab, sym->st_name);
  if (n == NULL)
    return corrupt (l, "bad name of symbol %zu", idx);
  *name = n;
  return 0;
}

struct func_sym
{
  size_t sym;
  size_t section;
  uint64_t start;
  uint64_t size;
};

static int
cmp_func_sym (const void *a, const void *b)
{
  const struct func_sym *x = a, *y = b;
  if (x->section != y->section)
    return x->section < y->section ? -1 : 1;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->sym < y->sym ? -1 : x->sym > y->sym;
}

static int
read_functions (struct loader *l)
{
  struct bpfi_object *obj = l->obj;
  size_t n = 0;
  struct func_sym *fs = calloc (l->nsyms ? l->nsyms : 1, sizeof *fs);
  if (fs == NULL)
    return oom (l);
  int ret = 0;

  for (size_t i = 1; i < l->nsyms; i++)
    {
      GElf_Sym sym;
      if (gelf_getsym (l->symdata, (int) i, &sym) == NULL)
	{
	  ret = corrupt (l, "bad symbol %zu", i);
	  goto out;
	}
      if (GELF_ST_TYPE (sym.st_info) != STT_FUNC)
	continue;
      if (sym.st_shndx == SHN_UNDEF || sym.st_shndx >= l->shnum
	  || !l->is_code[sym.st_shndx])
	continue;
      const GElf_Shdr *sh = &l->shdrs[sym.st_shndx];
      if (sym.st_value % 8 != 0 || sym.st_size % 8 != 0
	  || sym.st_value > sh->sh_size
	  || sym.st_size > sh->sh_size - sym.st_value)
	{
	  ret = corrupt (l, "function symbol %zu lies outside its section", i);
	  goto out;
	}
      fs[n].sym = i;
      fs[n].section = sym.st_shndx;
      fs[n].start = sym.st_value;
      fs[n].size = sym.st_size;
      n++;
    }
  qsort (fs, n, sizeof *fs, cmp_func_sym);

  /* Sizeless symbols extend to the next function or the section's end.  */
  for (size_t i = 0; i < n; i++)
    {
      if (fs[i].size != 0)
	continue;
      uint64_t end = l->shdrs[fs[i].section].sh_size;
      for (size_t j = i + 1; j < n && fs[j].section == fs[i].section; j++)
	if (fs[j].start > fs[i].start)
	  {
	    end = fs[j].start;
	    break;
	  }
      fs[i].size = end - fs[i].start;
    }

  obj->funcs = calloc (n ? n : 1, sizeof *obj->funcs);
  l->fstart = calloc (n ? n : 1, sizeof *l->fstart);
  if (obj->funcs == NULL || l->fstart == NULL)
    {
      ret = oom (l);
      goto out;
    }
  for (size_t i = 0; i < n; i++)
    {
      GElf_Sym sym;
      const char *name;
      ret = get_symbol (l, fs[i].sym, &sym, &name);
      if (ret)
	goto out;
      if (fs[i].size == 0)
	{
	  ret = corrupt (l, "function %s is empty", name);
	  goto out;
	}
      struct bpfi_func *f = &obj->funcs[obj->nfuncs];
      f->name = xstrdup (name);
      f->ninsns = fs[i].size / sizeof (struct bpf_insn);
      f->insns = malloc (fs[i].size);
      f->info = calloc (f->ninsns, sizeof *f->info);
      obj->nfuncs++;
      if (!f->name || !f->insns || !f->info)
	{
	  ret = oom (l);
	  goto out;
	}
      int bind = GELF_ST_BIND (sym.st_info);
      f->global = bind == STB_GLOBAL || bind == STB_WEAK;
      f->section = fs[i].section;
      f->nargs = -1;
      memcpy (f->insns, section_bytes (l, fs[i].section) + fs[i].start,
	      fs[i].size);
      for (size_t k = 0; k < f->ninsns; k++)
	f->info[k].stack_off = 0;
      l->fstart[obj->nfuncs - 1] = fs[i].start;
      if (fs[i].size > l->max_func_size[fs[i].section])
	l->max_func_size[fs[i].section] = fs[i].size;
    }

out:
  free (fs);
  return ret;
}

static int
read_data_sections (struct loader *l)
{
  struct bpfi_object *obj = l->obj;
  size_t n = 0;
  for (size_t i = 1; i < l->shnum; i++)
    {
      const GElf_Shdr *sh = &l->shdrs[i];
      if ((sh->sh_flags & SHF_ALLOC) && !(sh->sh_flags & SHF_EXECINSTR)
	  && (sh->sh_type == SHT_PROGBITS || sh->sh_type == SHT_NOBITS))
	n++;
    }
  obj->data = calloc (n ? n : 1, sizeof *obj->data);
  l->data_has_relocs = calloc (n ? n : 1, sizeof *l->data_has_relocs);
  if (obj->data == NULL || l->data_has_relocs == NULL)
    return oom (l);
  for (size_t i = 1; i < l->shnum; i++)
    {
      const GElf_Shdr *sh = &l->shdrs[i];
      if (!((sh->sh_flags & SHF_ALLOC) && !(sh->sh_flags & SHF_EXECINSTR)
	    && (sh->sh_type == SHT_PROGBITS || sh->sh_type == SHT_NOBITS)))
	continue;
      if (sh->sh_type == SHT_NOBITS && sh->sh_size > MAX_NOBITS_SIZE)
	return corrupt (l, "section %s is too large", l->secnames[i]);
      struct bpfi_data *d = &obj->data[obj->ndata];
      l->data_index[i] = (int) obj->ndata;
      obj->ndata++;
      d->name = xstrdup (l->secnames[i]);
      if (d->name == NULL)
	return oom (l);
      d->size = sh->sh_size;
      if (sh->sh_type == SHT_PROGBITS && sh->sh_size > 0)
	{
	  d->bytes = malloc (sh->sh_size);
	  if (d->bytes == NULL)
	    return oom (l);
	  memcpy (d->bytes, section_bytes (l, i), sh->sh_size);
	}
      d->align = sh->sh_addralign == 0 ? 1
	: sh->sh_addralign > UINT_MAX ? UINT_MAX : (unsigned) sh->sh_addralign;
      d->readonly = !(sh->sh_flags & SHF_WRITE);
    }
  return 0;
}

/* The index of the function of section SEC starting at byte OFF, or -1.  */
static long
func_at (struct loader *l, size_t sec, uint64_t off)
{
  struct bpfi_object *obj = l->obj;
  size_t lo = 0, hi = obj->nfuncs;
  while (lo < hi)
    {
      size_t mid = lo + (hi - lo) / 2;
      const struct bpfi_func *f = &obj->funcs[mid];
      if (f->section < sec || (f->section == sec && l->fstart[mid] < off))
	lo = mid + 1;
      else
	hi = mid;
    }
  if (lo < obj->nfuncs && obj->funcs[lo].section == sec
      && l->fstart[lo] == off)
    return (long) lo;
  return -1;
}

/* Call CB on every function of section SEC that contains byte OFF.  */
typedef int (*insn_cb) (struct loader *l, size_t func, size_t insn,
			void *arg);

static int
for_each_containing (struct loader *l, size_t sec, uint64_t off, insn_cb cb,
		     void *arg, bool *found)
{
  struct bpfi_object *obj = l->obj;
  /* First function of a later section or starting after OFF.  */
  size_t lo = 0, hi = obj->nfuncs;
  while (lo < hi)
    {
      size_t mid = lo + (hi - lo) / 2;
      const struct bpfi_func *f = &obj->funcs[mid];
      if (f->section < sec || (f->section == sec && l->fstart[mid] <= off))
	lo = mid + 1;
      else
	hi = mid;
    }
  *found = false;
  uint64_t maxsz = l->max_func_size[sec];
  for (size_t i = lo; i-- > 0;)
    {
      const struct bpfi_func *f = &obj->funcs[i];
      if (f->section != sec || off - l->fstart[i] >= maxsz)
	break;
      uint64_t rel = off - l->fstart[i];
      if (rel < f->ninsns * sizeof (struct bpf_insn))
	{
	  *found = true;
	  int ret = cb (l, i, rel / sizeof (struct bpf_insn), arg);
	  if (ret)
	    return ret;
	}
    }
  return 0;
}

struct reloc_ctx
{
  const char *symname;
  GElf_Sym sym;
  unsigned type;
  size_t code_sec;
};

static int
add_extern (struct loader *l, const char *name)
{
  struct bpfi_object *obj = l->obj;
  for (size_t i = 0; i < obj->nexterns; i++)
    if (strcmp (obj->externs[i].name, name) == 0)
      return (int) i;
  struct bpfi_extern *e = realloc (obj->externs,
				   (obj->nexterns + 1) * sizeof *e);
  if (e == NULL)
    return oom (l);
  obj->externs = e;
  e[obj->nexterns].name = xstrdup (name);
  if (e[obj->nexterns].name == NULL)
    return oom (l);
  return (int) obj->nexterns++;
}

static int
apply_reloc (struct loader *l, size_t fi, size_t ii, void *arg)
{
  struct reloc_ctx *rc = arg;
  struct bpfi_func *f = &l->obj->funcs[fi];
  struct bpfi_insn_info *info = &f->info[ii];
  const struct bpf_insn *insn = &f->insns[ii];
  const GElf_Sym *sym = &rc->sym;
  const char *name = rc->symname;
  int stype = GELF_ST_TYPE (sym->st_info);

  if (info->kind != BPFI_RELOC_NONE)
    return bpfi_error_set (l->err, f->name, (long) ii,
		      "unresolvable relocation: more than one relocation "
		      "on this instruction");

  if (rc->type == R_BPF_64_64)
    {
      if (insn->code != (BPF_LD | BPF_IMM | BPF_DW))
	return bpfi_error_set (l->err, f->name, (long) ii,
			  "unresolvable relocation: R_BPF_64_64 against %s "
			  "on an instruction that is not ld_imm64 "
			  "(opcode 0x%02x)", name, insn->code);
      if (ii + 1 >= f->ninsns)
	return bpfi_error_set (l->err, f->name, (long) ii,
			  "truncated or corrupt ELF: ld_imm64 at the end of "
			  "the function");
      if (insn[1].imm != 0)
	return bpfi_error_set (l->err, f->name, (long) ii,
			  "unresolvable relocation: ld_imm64 against %s has "
			  "a nonzero upper immediate", name);
      if (sym->st_shndx == SHN_UNDEF)
	{
	  if (name[0] == '\0')
	    return bpfi_error_set (l->err, f->name, (long) ii,
			      "unresolvable relocation: undefined symbol "
			      "without a name");
	  int e = add_extern (l, name);
	  if (e < 0)
	    return e;
	  info->kind = BPFI_RELOC_EXTERN;
	  info->index = e;
	  info->addend = insn->imm;
	  return 0;
	}
      if (sym->st_shndx < l->shnum && l->data_index[sym->st_shndx] >= 0
	  && stype != STT_FUNC)
	{
	  /* The address must lie in the section, or just past its end (a
	     C pointer one past an object); anything else would reach
	     memory that is not the instrumenter's.  */
	  int d = l->data_index[sym->st_shndx];
	  const struct bpfi_data *ds = &l->obj->data[d];
	  int64_t off = (int64_t) insn->imm;
	  if (sym->st_value <= ds->size)
	    off += (int64_t) sym->st_value;
	  else
	    off = INT64_MAX;
	  if (off < 0 || (uint64_t) off > ds->size)
	    {
	      if (off == INT64_MAX)
		return bpfi_error_set (l->err, f->name, (long) ii,
				  "ld_imm64 out of bounds of data section %s "
				  "(symbol %s at offset %llu, size %zu)",
				  ds->name, name,
				  (unsigned long long) sym->st_value,
				  ds->size);
	      return bpfi_error_set (l->err, f->name, (long) ii,
				"ld_imm64 out of bounds of data section %s "
				"(offset %lld, size %zu)", ds->name,
				(long long) off, ds->size);
	    }
	  info->kind = BPFI_RELOC_DATA;
	  info->index = d;
	  info->addend = off;
	  l->obj->data[d].used = true;
	  return 0;
	}
      if (sym->st_shndx < l->shnum && l->is_code[sym->st_shndx]
	  && (stype == STT_FUNC || stype == STT_SECTION))
	{
	  long t = -1;
	  int64_t tgt = (int64_t) sym->st_value + (int64_t) insn->imm;
	  if (tgt >= 0)
	    t = func_at (l, sym->st_shndx, (uint64_t) tgt);
	  info->kind = BPFI_RELOC_FUNC_ADDR;
	  info->index = (int) t;
	  info->addend = tgt;
	  return 0;
	}
      return bpfi_error_set (l->err, f->name, (long) ii,
			"unresolvable relocation: symbol %s is not in a "
			"data section", name);
    }

  /* R_BPF_64_32 */
  if (insn->code != (BPF_JMP | BPF_CALL))
    return bpfi_error_set (l->err, f->name, (long) ii,
		      "unresolvable relocation: R_BPF_64_32 against %s on an "
		      "instruction that is not a call (opcode 0x%02x)",
		      name, insn->code);
  if (sym->st_shndx == SHN_UNDEF)
    {
      enum bpfi_helper h = bpfi_helper_lookup (name);
      if (h == BPFI_HELPER_NONE)
	return bpfi_error_set (l->err, f->name, (long) ii,
			  "unknown helper '%s'", name);
      info->kind = BPFI_RELOC_HELPER;
      info->index = (int) h;
      info->addend = 0;
      return 0;
    }
  if (sym->st_shndx < l->shnum && l->is_code[sym->st_shndx]
      && (stype == STT_FUNC || stype == STT_SECTION || stype == STT_NOTYPE))
    {
      /* A section symbol: the immediate locates the callee (libbpf's
	 rule).  A function symbol names the callee itself; clang then
	 writes -1 in the immediate, while bpf-gcc leaves an assembler
	 artifact there, so the immediate is not used.  */
      int64_t tgt = (int64_t) sym->st_value;
      if (stype != STT_FUNC)
	tgt += ((int64_t) insn->imm + 1) * (int64_t) sizeof (struct bpf_insn);
      long t = tgt >= 0 ? func_at (l, sym->st_shndx, (uint64_t) tgt) : -1;
      if (t < 0)
	return bpfi_error_set (l->err, f->name, (long) ii,
			  "unresolvable relocation: call target %s%+lld is "
			  "not the start of a function", name,
			  (long long) (tgt - (int64_t) sym->st_value));
      info->kind = BPFI_RELOC_CALL;
      info->index = (int) t;
      info->addend = 0;
      return 0;
    }
  return bpfi_error_set (l->err, f->name, (long) ii,
		    "unresolvable relocation: call to %s, which is not a "
		    "function", name);
}

static int
read_relocations (struct loader *l)
{
  for (size_t i = 1; i < l->shnum; i++)
    {
      const GElf_Shdr *sh = &l->shdrs[i];
      if (sh->sh_type != SHT_REL && sh->sh_type != SHT_RELA)
	continue;
      size_t target = sh->sh_info;
      if (target == 0 || target >= l->shnum)
	continue;
      if (l->data_index[target] >= 0)
	{
	  l->data_has_relocs[l->data_index[target]] = true;
	  continue;
	}
      if (!l->is_code[target])
	continue;
      if (sh->sh_type == SHT_RELA)
	return bpfi_error_set (l->err, NULL, -1,
			  "unresolvable relocation: RELA relocations in "
			  "section %s are not supported", l->secnames[i]);
      if (sh->sh_link != l->symtab || l->symtab == 0)
	return corrupt (l, "relocation section %s does not use the symbol "
			"table", l->secnames[i]);
      if (sh->sh_entsize != sizeof (Elf64_Rel))
	return corrupt (l, "bad relocation entry size in %s",
			l->secnames[i]);
      Elf_Scn *scn = elf_getscn (l->elf, i);
      Elf_Data *data = scn ? elf_getdata (scn, NULL) : NULL;
      if (data == NULL)
	{
	  if (sh->sh_size == 0)
	    continue;
	  return corrupt (l, "cannot read %s: %s", l->secnames[i],
			  libelf_msg ("its bytes lie outside the file"));
	}
      size_t nrel = data->d_size / sizeof (Elf64_Rel);
      uint64_t secsize = l->shdrs[target].sh_size;
      for (size_t r = 0; r < nrel; r++)
	{
	  GElf_Rel rel;
	  if (gelf_getrel (data, (int) r, &rel) == NULL)
	    return corrupt (l, "bad relocation %zu in %s", r, l->secnames[i]);
	  if (rel.r_offset % 8 != 0 || rel.r_offset >= secsize)
	    return corrupt (l, "relocation offset 0x%llx outside section %s",
			    (unsigned long long) rel.r_offset,
			    l->secnames[target]);
	  struct reloc_ctx rc;
	  rc.type = (unsigned) GELF_R_TYPE (rel.r_info);
	  rc.code_sec = target;
	  int ret = get_symbol (l, GELF_R_SYM (rel.r_info), &rc.sym,
				&rc.symname);
	  if (ret)
	    return ret;
	  bool found;
	  if (rc.type != R_BPF_64_64 && rc.type != R_BPF_64_32)
	    {
	      /* Blame the function holding the instruction, if any.  */
	      struct bpfi_object *obj = l->obj;
	      const char *fn = NULL;
	      long insn = -1;
	      for (size_t k = 0; k < obj->nfuncs; k++)
		if (obj->funcs[k].section == target
		    && rel.r_offset >= l->fstart[k]
		    && rel.r_offset - l->fstart[k]
		       < obj->funcs[k].ninsns * sizeof (struct bpf_insn))
		  {
		    fn = obj->funcs[k].name;
		    insn = (long) ((rel.r_offset - l->fstart[k]) / 8);
		    break;
		  }
	      return bpfi_error_set (l->err, fn, insn,
				"unresolvable relocation: type %u against %s "
				"in section %s", rc.type, rc.symname,
				l->secnames[target]);
	    }
	  ret = for_each_containing (l, target, rel.r_offset, apply_reloc,
				     &rc, &found);
	  if (ret)
	    return ret;
	}
    }
  return 0;
}

/* Resolve calls that carry no relocation: BPF-to-BPF calls by relative
   offset within the section, and numbered kernel helpers (rejected).  */
static int
resolve_relative_calls (struct loader *l)
{
  struct bpfi_object *obj = l->obj;
  for (size_t fi = 0; fi < obj->nfuncs; fi++)
    {
      struct bpfi_func *f = &obj->funcs[fi];
      for (size_t i = 0; i < f->ninsns; i++)
	{
	  const struct bpf_insn *insn = &f->insns[i];
	  if (insn->code == (BPF_LD | BPF_IMM | BPF_DW))
	    {
	      i++;
	      continue;
	    }
	  if (insn->code != (BPF_JMP | BPF_CALL)
	      || f->info[i].kind != BPFI_RELOC_NONE)
	    continue;
	  if (insn->src_reg == 0)
	    return bpfi_error_set (l->err, f->name, (long) i,
			      "unknown helper 'number %d' (calls by helper "
			      "number are not supported)", insn->imm);
	  if (insn->src_reg != BPF_PSEUDO_CALL)
	    return bpfi_error_set (l->err, f->name, (long) i,
			      "unsupported opcode 0x%02x (call with src_reg "
			      "%u)", insn->code, (unsigned) insn->src_reg);
	  int64_t tgt = (int64_t) l->fstart[fi]
	    + ((int64_t) i + (int64_t) insn->imm + 1) * 8;
	  long t = -1;
	  if (tgt >= 0)
	    t = func_at (l, f->section, (uint64_t) tgt);
	  if (t < 0)
	    return bpfi_error_set (l->err, f->name, (long) i,
			      "unresolvable relocation: call target "
			      "(offset %lld in section %s) is not the start "
			      "of a function", (long long) tgt,
			      l->secnames[f->section]);
	  f->info[i].kind = BPFI_RELOC_CALL;
	  f->info[i].index = (int) t;
	}
    }
  return 0;
}

static int
check_data_relocs (struct loader *l)
{
  for (size_t i = 0; i < l->obj->ndata; i++)
    if (l->obj->data[i].used && l->data_has_relocs[i])
      return bpfi_error_set (l->err, NULL, -1,
			"unresolvable relocation: relocations in data "
			"section %s are not supported", l->obj->data[i].name);
  return 0;
}

static int
silent_print (enum libbpf_print_level level, const char *fmt, va_list ap)
{
  (void) level;
  (void) fmt;
  (void) ap;
  return 0;
}

/* Fill in nargs from the .BTF section, if there is a usable one.  */
static void
read_btf (struct loader *l)
{
  size_t sec = 0;
  for (size_t i = 1; i < l->shnum; i++)
    if (strcmp (l->secnames[i], ".BTF") == 0
	&& l->shdrs[i].sh_type == SHT_PROGBITS)
      {
	sec = i;
	break;
      }
  if (sec == 0 || l->shdrs[sec].sh_size == 0
      || l->shdrs[sec].sh_size > UINT32_MAX)
    return;
  libbpf_print_fn_t old = libbpf_set_print (silent_print);
  struct btf *btf = btf__new (section_bytes (l, sec),
			      (uint32_t) l->shdrs[sec].sh_size);
  libbpf_set_print (old);
  if (btf == NULL || libbpf_get_error (btf))
    return;
  for (size_t i = 0; i < l->obj->nfuncs; i++)
    {
      struct bpfi_func *f = &l->obj->funcs[i];
      int id = btf__find_by_name_kind (btf, f->name, BTF_KIND_FUNC);
      if (id <= 0)
	continue;
      const struct btf_type *t = btf__type_by_id (btf, (uint32_t) id);
      if (t == NULL)
	continue;
      const struct btf_type *proto = btf__type_by_id (btf, t->type);
      if (proto == NULL || !btf_is_func_proto (proto))
	continue;
      int n = btf_vlen (proto);
      /* A trailing void parameter marks a variadic function.  */
      const struct btf_param *p = btf_params (proto);
      if (n > 0 && p[n - 1].type == 0)
	n--;
      f->nargs = n;
    }
  btf__free (btf);
}

int
bpfi_object_load_mem (const void *buf, size_t len, const char *name,
		      struct bpfi_object **out, struct bpfi_error *err)
{
  struct bpfi_error dummy;
  if (err == NULL)
    err = &dummy;
  memset (err, 0, sizeof *err);
  err->insn = -1;
  if (out == NULL)
    return bpfi_error_set (err, NULL, -1, "no output object");
  *out = NULL;
  if (buf == NULL && len != 0)
    return bpfi_error_set (err, NULL, -1, "not an ELF file");

  struct loader l;
  memset (&l, 0, sizeof l);
  l.len = len;
  l.err = err;
  l.buf = buf;
  int ret = check_header (&l);
  if (ret)
    return ret;

  /* libelf wants a writable buffer; give it a private copy.  */
  uint8_t *copy = malloc (len);
  if (copy == NULL)
    return oom (&l);
  memcpy (copy, buf, len);
  l.buf = copy;

  l.obj = calloc (1, sizeof *l.obj);
  if (l.obj == NULL)
    {
      ret = oom (&l);
      goto out;
    }
  l.obj->path = xstrdup (name ? name : "");
  if (l.obj->path == NULL)
    {
      ret = oom (&l);
      goto out;
    }
  l.obj->id = fnv1a64 (buf, len);

  if (elf_version (EV_CURRENT) == EV_NONE)
    {
      ret = bpfi_error_set (err, NULL, -1, "libelf initialization failed");
      goto out;
    }
  l.elf = elf_memory ((char *) copy, len);
  if (l.elf == NULL || elf_kind (l.elf) != ELF_K_ELF)
    {
      ret = corrupt (&l, "%s",
		     libelf_msg ("libelf does not take it for an ELF object"));
      goto out;
    }

  if ((ret = read_sections (&l)) != 0
      || (ret = read_symbols (&l)) != 0
      || (ret = read_data_sections (&l)) != 0
      || (ret = read_functions (&l)) != 0
      || (ret = read_relocations (&l)) != 0
      || (ret = resolve_relative_calls (&l)) != 0
      || (ret = check_data_relocs (&l)) != 0)
    goto out;
  read_btf (&l);

out:
  if (l.elf != NULL)
    elf_end (l.elf);
  free (copy);
  free (l.shdrs);
  free (l.secnames);
  free (l.is_code);
  free (l.data_index);
  free (l.data_has_relocs);
  free (l.max_func_size);
  free (l.fstart);
  if (ret)
    bpfi_object_free (l.obj);
  else
    *out = l.obj;
  return ret;
}

int
bpfi_object_load (const char *path, struct bpfi_object **out,
		  struct bpfi_error *err)
{
  struct bpfi_error dummy;
  if (err == NULL)
    err = &dummy;
  memset (err, 0, sizeof *err);
  err->insn = -1;
  if (out != NULL)
    *out = NULL;
  if (path == NULL)
    {
      snprintf (err->msg, sizeof err->msg, "cannot open: %s",
		strerror (EINVAL));
      return -EINVAL;
    }
  int fd = open (path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    {
      int e = errno;
      snprintf (err->msg, sizeof err->msg, "cannot open: %s", strerror (e));
      return -e;
    }
  struct stat st;
  if (fstat (fd, &st) != 0)
    {
      int e = errno;
      close (fd);
      snprintf (err->msg, sizeof err->msg, "cannot open: %s", strerror (e));
      return -e;
    }
  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      snprintf (err->msg, sizeof err->msg, "cannot open: %s",
		strerror (S_ISDIR (st.st_mode) ? EISDIR : EINVAL));
      return S_ISDIR (st.st_mode) ? -EISDIR : -EINVAL;
    }
  size_t size = (size_t) st.st_size;
  uint8_t *buf = malloc (size ? size : 1);
  if (buf == NULL)
    {
      close (fd);
      snprintf (err->msg, sizeof err->msg, "out of memory");
      return -ENOMEM;
    }
  size_t got = 0;
  while (got < size)
    {
      ssize_t n = read (fd, buf + got, size - got);
      if (n < 0)
	{
	  if (errno == EINTR)
	    continue;
	  int e = errno;
	  close (fd);
	  free (buf);
	  snprintf (err->msg, sizeof err->msg, "cannot open: %s",
		    strerror (e));
	  return -e;
	}
      if (n == 0)
	break;
      got += (size_t) n;
    }
  close (fd);
  int ret = bpfi_object_load_mem (buf, got, path, out, err);
  free (buf);
  return ret;
}

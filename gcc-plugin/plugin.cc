/* plugin.cc - the bpfinst GCC plugin proper (bpfinst-core.so):
   arguments, loading the instrumenter, and the "bpfinst" GIMPLE pass.

   The pass runs right after the function is put into SSA form, at every
   optimization level, and inlines the instrumenter's hooks in front of
   the operations they instrument (instrument.cc).  */

#include "gcc-plugin.h"
#include "tree.h"
#include "tree-pass.h"
#include "context.h"
#include "function.h"
#include "stringpool.h"
#include "attribs.h"
#include "diagnostic-core.h"
#include "dumpfile.h"
#include "opts.h"
#include "toplev.h"
#include "md5.h"
#include "cgraph.h"
#include "langhooks.h"
#include <fnmatch.h>

#include "bpf-emit.h"
#include "hook-table.h"
#include "plugin.h"

struct bpfi_object *bpfinst_object;

/* Has the emitter been set up for this translation unit?  */
static bool emitter_ready;

/* -fplugin-arg-bpfinst-tags=off: no tag code even if hooks use tags.  */
static bool bpfinst_tags_off;

/* Whether guards are compiled in: not unless -fplugin-arg-bpfinst-switch=on.
   Measured on zlib (libtag/tests/bench/run-switch-bench.sh), the guards
   make a light instrumenter (edge coverage) 36 % slower while the hooks
   run, a heavy one 2 to 5 %.  (Whether the hooks of a guarded build run
   from start-up is the runtime's business: BPFINST_ENABLED_INIT.)  */
#define BPFINST_SWITCH_DEFAULT false
#define BPFINST_SWITCH_DEFAULT_NAME "off"

/* -fplugin-arg-bpfinst-switch=on|off: guard every hook with the run-time
   switch BPFINST_ENABLED (bpfinst-abi.h), or not.  */
static bool bpfinst_switch = BPFINST_SWITCH_DEFAULT;

/* -fplugin-arg-bpfinst-verbose: say which functions are left alone.  */
static bool bpfinst_verbose;

/* -fplugin-arg-bpfinst-stats: print what each hook instrumented.  */
static bool bpfinst_stats;

/* ---------------------------------------------------------------------- */
/* Selective instrumentation: -fplugin-arg-bpfinst-allow=FILE and
   -fplugin-arg-bpfinst-deny=FILE.  Each line of FILE is blank, a comment
   (starting with '#'), or "fun: GLOB" or "src: GLOB" ("function:" and
   "source:" are accepted too); GLOB is an fnmatch(3) pattern (no flags:
   '*' also matches '/').  A "fun:" pattern matches a function whose
   source name (in C++ also the qualified name, "ns::klass::method") or
   assembler name (the mangled one, or the one asm ("...") gives) it
   matches; a "src:" pattern matches the functions whose source file
   (DECL_SOURCE_FILE: a header, for a function defined in one) or main
   input file it matches, each tested as the path as GCC has it (as
   written on the command line or in #line) and as its last component.
   With an allow list only the functions one of its lines matches are
   instrumented; the functions a line of the deny list matches are not,
   whatever the allow list says.  */

enum list_kind { LIST_FUN, LIST_SRC };

struct list_entry
{
  enum list_kind kind;
  char *glob;
};

struct inst_list
{
  const char *path;
  struct list_entry *entries;
  unsigned n, alloc;
};

static struct inst_list allow_list, deny_list;
static bool have_allow, have_deny;

/* Strip blanks (and a carriage return) from both ends of S, in place.  */

static char *
trim (char *s)
{
  while (*s == ' ' || *s == '\t')
    s++;
  size_t n = strlen (s);
  while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'
		   || s[n - 1] == '\n'))
    s[--n] = '\0';
  return s;
}

/* Read the list at PATH into L.  False, with errors naming PATH:LINE,
   when it cannot be used.  */

static bool
read_list (const char *path, struct inst_list *l)
{
  l->path = path;
  FILE *f = fopen (path, "r");
  if (f == NULL)
    {
      error ("bpfinst: %s: cannot read the instrument list: %m", path);
      return false;
    }
  bool ok = true;
  char *line = NULL;
  size_t cap = 0;
  unsigned lineno = 0;
  ssize_t len;
  while ((len = getline (&line, &cap, f)) >= 0)
    {
      lineno++;
      if (memchr (line, '\0', len) != NULL)
	{
	  error ("%s:%u: bpfinst: a NUL byte: the instrument list must be "
		 "text", path, lineno);
	  ok = false;
	  break;
	}
      char *s = trim (line);
      if (*s == '\0' || *s == '#')
	continue;
      char *colon = strchr (s, ':');
      enum list_kind kind = LIST_FUN;
      bool known = false;
      if (colon != NULL)
	{
	  *colon = '\0';
	  const char *key = trim (s);
	  if (strcmp (key, "fun") == 0 || strcmp (key, "function") == 0)
	    kind = LIST_FUN, known = true;
	  else if (strcmp (key, "src") == 0 || strcmp (key, "source") == 0)
	    kind = LIST_SRC, known = true;
	}
      if (!known)
	{
	  if (colon != NULL)
	    *colon = ':';
	  error ("%s:%u: bpfinst: %qs is not %<fun: GLOB%> or "
		 "%<src: GLOB%> (see %s)", path, lineno, s,
		 "-fplugin-arg-bpfinst-help");
	  ok = false;
	  continue;
	}
      char *glob = trim (colon + 1);
      if (*glob == '\0')
	{
	  error ("%s:%u: bpfinst: %<%s:%> without a pattern", path, lineno,
		 kind == LIST_FUN ? "fun" : "src");
	  ok = false;
	  continue;
	}
      if (l->n == l->alloc)
	{
	  l->alloc = l->alloc ? 2 * l->alloc : 16;
	  l->entries = XRESIZEVEC (struct list_entry, l->entries, l->alloc);
	}
      l->entries[l->n].kind = kind;
      l->entries[l->n].glob = xstrdup (glob);
      l->n++;
    }
  if (ferror (f))
    {
      error ("bpfinst: %s: cannot read the instrument list: %m", path);
      ok = false;
    }
  free (line);
  fclose (f);
  return ok;
}

/* Does GLOB match the file name FILE or its last component?  */

static bool
file_matches_p (const char *glob, const char *file)
{
  if (file == NULL || file[0] == '\0')
    return false;
  return (fnmatch (glob, file, 0) == 0
	  || fnmatch (glob, lbasename (file), 0) == 0);
}

/* The assembler name of DECL, less the '*' that marks a name given with
   asm ("NAME").  */

static const char *
asm_name_of (tree decl)
{
  const char *n = IDENTIFIER_POINTER (DECL_ASSEMBLER_NAME (decl));
  return n[0] == '*' ? n + 1 : n;
}

/* The entry of L that matches function DECL, or NULL.  */

static const struct list_entry *
list_match (const struct inst_list *l, tree decl)
{
  const char *name = (DECL_NAME (decl) != NULL_TREE
		      ? IDENTIFIER_POINTER (DECL_NAME (decl)) : NULL);
  /* C++: also the qualified name, "ns::klass::method".  */
  const char *qual = lang_hooks.decl_printable_name (decl, 1);
  const char *asm_name = asm_name_of (decl);
  const char *src = DECL_SOURCE_FILE (decl);
  for (unsigned i = 0; i < l->n; i++)
    {
      const struct list_entry *e = &l->entries[i];
      if (e->kind == LIST_FUN)
	{
	  if ((name != NULL && fnmatch (e->glob, name, 0) == 0)
	      || (qual != NULL && fnmatch (e->glob, qual, 0) == 0)
	      || fnmatch (e->glob, asm_name, 0) == 0)
	    return e;
	}
      else if (file_matches_p (e->glob, src)
	       || file_matches_p (e->glob, main_input_filename))
	return e;
    }
  return NULL;
}

static void
free_list (struct inst_list *l)
{
  for (unsigned i = 0; i < l->n; i++)
    free (l->entries[i].glob);
  free (l->entries);
  memset (l, 0, sizeof *l);
}

/* Does the translation unit hold an instrumenter's native half?  Then
   none of its functions is instrumented: it defines
   event_dispatch_slow_call or event_before_syscall, or it includes
   bpfinst/native.h (which declares BPFINST_NATIVE_MARKER; every
   identifier the front end has seen is in GCC's identifier table).  The
   whole unit has been parsed when the first function reaches the pass.
   WHY says what gave it away.  */

static bool
native_half_p (const char **why)
{
  if (maybe_get_identifier (BPFINST_NATIVE_MARKER_NAME) != NULL_TREE)
    {
      *why = "it includes bpfinst/native.h";
      return true;
    }
  cgraph_node *node;
  FOR_EACH_DEFINED_FUNCTION (node)
    {
      const char *n = asm_name_of (node->decl);
      if (strcmp (n, BPFINST_SLOW_CALL_NAME) == 0)
	{
	  *why = "it defines " BPFINST_SLOW_CALL_NAME;
	  return true;
	}
      if (strcmp (n, BPFINST_BEFORE_SYSCALL_NAME) == 0)
	{
	  *why = "it defines " BPFINST_BEFORE_SYSCALL_NAME;
	  return true;
	}
    }
  return false;
}

/* Is function DECL to be instrumented, as far as the lists and the
   native-half rule say?  */

static bool
selected_p (tree decl)
{
  static int native = -1;
  if (native < 0)
    {
      const char *why = NULL;
      native = native_half_p (&why);
      if (native && bpfinst_verbose)
	inform (UNKNOWN_LOCATION, "bpfinst: %s not instrumented: %s, so it "
		"is an instrumenter%'s native half",
		main_input_filename ? main_input_filename : "<stdin>", why);
    }
  if (native)
    return false;
  if (have_deny)
    {
      const struct list_entry *e = list_match (&deny_list, decl);
      if (e != NULL)
	{
	  if (bpfinst_verbose)
	    inform (DECL_SOURCE_LOCATION (decl),
		    "bpfinst: %qD not instrumented: %s matches %<%s: %s%>",
		    decl, deny_list.path, e->kind == LIST_FUN ? "fun" : "src",
		    e->glob);
	  return false;
	}
    }
  if (have_allow && list_match (&allow_list, decl) == NULL)
    {
      if (bpfinst_verbose)
	inform (DECL_SOURCE_LOCATION (decl),
		"bpfinst: %qD not instrumented: no line of %s matches it",
		decl, allow_list.path);
      return false;
    }
  return true;
}

static const char bpfinst_version[] = "GCCInst bpfinst 0.1";

static const char bpfinst_help[] =
  "Inline an instrumenter's BPF hooks (inst_*) before every integer\n"
  "operation, comparison, branch, conversion, load and store.\n"
  "  -fplugin-arg-bpfinst-inst=PATH  the instrumenter's BPF object\n"
  "                                  (default: $BPF_INST)\n"
  "  -fplugin-arg-bpfinst-native=PATH\n"
  "                                  the instrumenter's native half (a shared\n"
  "                                  object or archive): the specs file links\n"
  "                                  it into every executable and shared\n"
  "                                  object\n"
  "  -fplugin-arg-bpfinst-digest=HEX  the MD5 digest of the BPF object, for\n"
  "                                  build caches; refused if it differs\n"
  "  -fplugin-arg-bpfinst-help       print this help and do not instrument\n"
  "  -fplugin-arg-bpfinst-tags=auto|off\n"
  "                                  track tags when the hooks both set and\n"
  "                                  read them (auto, the default), or never\n"
  "  -fplugin-arg-bpfinst-allow=FILE  instrument only the functions FILE\n"
  "                                  selects\n"
  "  -fplugin-arg-bpfinst-deny=FILE   do not instrument the functions FILE\n"
  "                                  selects (deny wins over allow).  One\n"
  "                                  entry a line: 'fun: GLOB' (a function's\n"
  "                                  source or assembler name), 'src: GLOB'\n"
  "                                  (its source file or the main input\n"
  "                                  file, whole path or last component);\n"
  "                                  fnmatch(3) globs; '#' comments\n"
  "  -fplugin-arg-bpfinst-switch=on|off\n"
  "                                  guard every hook with the run-time\n"
  "                                  switch (bpfinst/control.h, environment\n"
  "                                  variable BPFINST_DISABLE=1) or not\n"
  "                                  (default: " BPFINST_SWITCH_DEFAULT_NAME ")\n"
  "  -fplugin-arg-bpfinst-stats      print, for each hook, how many operations\n"
  "                                  it instrumented, how many of those folded\n"
  "                                  to nothing and how many statements were\n"
  "                                  added\n"
  "  -fplugin-arg-bpfinst-verbose    say which functions and files are not\n"
  "                                  instrumented and why\n"
  "  -fplugin-arg-bpfinst-dump[=FLAGS]\n"
  "                                  dump the instrumented functions, as\n"
  "                                  -fdump-tree-bpfinst[-FLAGS] would\n"
  "                                  (GCC reads -fdump-* options before it\n"
  "                                  loads plugins; -fdump-tree-all also\n"
  "                                  includes this dump)\n"
  "  Functions with __attribute__((no_instrument_function)) and the\n"
  "  instrumenter's native half (a file that includes bpfinst/native.h or\n"
  "  defines event_dispatch_slow_call or event_before_syscall) are never\n"
  "  instrumented.\n";

static const struct pass_data pass_data_bpfinst =
{
  GIMPLE_PASS,			/* type */
  "bpfinst",			/* name */
  OPTGROUP_NONE,		/* optinfo_flags */
  TV_NONE,			/* tv_id */
  PROP_ssa | PROP_cfg,		/* properties_required */
  0,				/* properties_provided */
  0,				/* properties_destroyed */
  0,				/* todo_flags_start */
  0,				/* todo_flags_finish */
};

class pass_bpfinst : public gimple_opt_pass
{
public:
  pass_bpfinst (gcc::context *ctxt)
    : gimple_opt_pass (pass_data_bpfinst, ctxt)
  {}

  opt_pass *clone () final override
  {
    return new pass_bpfinst (m_ctxt);
  }

  bool gate (function *fun) final override
  {
    tree decl = fun->decl;
    return (bpfinst_object != NULL
	    && !lookup_attribute ("no_instrument_function",
				  DECL_ATTRIBUTES (decl))
	    && !lookup_attribute ("naked", DECL_ATTRIBUTES (decl))
	    && selected_p (decl));
  }

  unsigned int execute (function *) final override
  {
    if (!emitter_ready)
      {
	bpfi_emit_init (bpfinst_object);
	instrument_init (bpfinst_object, bpfinst_tags_off, bpfinst_switch);
	emitter_ready = true;
      }
    return instrument_function ();
  }
};

/* Report why loading or verifying the instrumenter at PATH failed.  */

static void
report_instrumenter_error (const char *path, const struct bpfi_error *err)
{
  if (err->func[0] != '\0' && err->insn >= 0)
    error ("bpfinst: %s: %s: instruction %ld: %s", path, err->func,
	   err->insn, err->msg);
  else if (err->func[0] != '\0')
    error ("bpfinst: %s: %s: %s", path, err->func, err->msg);
  else
    error ("bpfinst: %s: %s", path, err->msg);
}

/* Load and verify the instrumenter at PATH.  NULL (with errors reported)
   when it cannot be used.  */

static struct bpfi_object *
load_instrumenter (const char *path)
{
  struct bpfi_object *obj = NULL;
  struct bpfi_error err;
  memset (&err, 0, sizeof err);
  err.insn = -1;
  if (bpfi_object_load (path, &obj, &err) != 0)
    {
      report_instrumenter_error (path, &err);
      return NULL;
    }
  memset (&err, 0, sizeof err);
  err.insn = -1;
  if (bpfi_object_verify (obj, &err) != 0)
    {
      report_instrumenter_error (path, &err);
      bpfi_object_free (obj);
      return NULL;
    }
  return obj;
}

/* Turn on the pass's dump file.  GCC handles -fdump-* options before it
   loads plugins, so -fdump-tree-bpfinst cannot name the pass: the dump is
   requested with the plugin argument DUMP_ARG (-fplugin-arg-bpfinst-dump
   or -fplugin-arg-bpfinst-dump=FLAGS), and a -fdump-tree-all option seen
   earlier is applied again now that the pass exists.  */

static void
enable_dumps (bool dump, const char *dump_flags)
{
  gcc::dump_manager *dumps = g->get_dumps ();
  for (unsigned i = 1; i < save_decoded_options_count; i++)
    {
      const struct cl_decoded_option *opt = &save_decoded_options[i];
      if (opt->opt_index == OPT_fdump_ && opt->arg != NULL
	  && (strncmp (opt->arg, "tree-all", 8) == 0
	      || strncmp (opt->arg, "all", 3) == 0))
	dumps->dump_switch_p (opt->arg);
    }
  if (dump)
    {
      char *arg = concat ("tree-bpfinst", dump_flags ? "-" : "",
			  dump_flags ? dump_flags : "", NULL);
      dumps->dump_switch_p (arg);
      free (arg);
    }
}

static void
bpfinst_finish (void *, void *)
{
  if (bpfinst_stats && emitter_ready && !seen_error ())
    instrument_print_stats (stderr, main_input_filename
				    ? main_input_filename : "<stdin>");
  if (bpfinst_object != NULL)
    {
      bpfi_object_free (bpfinst_object);
      bpfinst_object = NULL;
    }
  free_list (&allow_list);
  free_list (&deny_list);
}

/* -fplugin-arg-bpfinst-digest=HEX: HEX must be the MD5 digest of the
   instrumenter at PATH (a build cache keyed on the command line then
   cannot reuse an object built with another instrumenter).  */

static bool
check_digest (const char *path, const char *digest)
{
  FILE *f = fopen (path, "rb");
  if (f == NULL)
    return true;	/* The loader reports it.  */
  unsigned char sum[16];
  int rc = md5_stream (f, sum);
  fclose (f);
  if (rc != 0)
    return true;
  char hex[33];
  for (int i = 0; i < 16; i++)
    sprintf (hex + 2 * i, "%02x", sum[i]);
  if (strcasecmp (hex, digest) == 0)
    return true;
  error ("bpfinst: %s: the MD5 digest of the instrumenter is %s, not %s as "
	 "%<-fplugin-arg-bpfinst-digest%> says: it changed since the build "
	 "command was written (recompute the digest, or drop the argument)",
	 path, hex, digest);
  return false;
}

/* The plugin proper, called by the loader (loader.cc) once it has
   checked that the GCC loading it is the one it was built for.  */

extern "C" int
bpfinst_core_init (struct plugin_name_args *plugin_info,
		   struct plugin_gcc_version *)
{
  const char *name = plugin_info->base_name;

  static struct plugin_info info = { bpfinst_version, bpfinst_help };
  register_callback (name, PLUGIN_INFO, NULL, &info);

  const char *path = NULL;
  const char *digest = NULL;
  bool help = false;
  bool dump = false;
  const char *dump_flags = NULL;
  bool bad_args = false;
  for (int i = 0; i < plugin_info->argc; i++)
    {
      const char *key = plugin_info->argv[i].key;
      const char *value = plugin_info->argv[i].value;
      if (strcmp (key, "inst") == 0)
	{
	  if (value == NULL || value[0] == '\0')
	    {
	      error ("bpfinst: argument %<inst%> needs a path: use %s",
		     "-fplugin-arg-bpfinst-inst=PATH");
	      bad_args = true;
	    }
	  else
	    path = value;
	}
      else if (strcmp (key, "native") == 0)
	{
	  /* The specs file turns this argument into a link input; the
	     compiler only checks that the file is there.  */
	  if (value == NULL || value[0] == '\0')
	    {
	      error ("bpfinst: argument %<native%> needs a path: use %s",
		     "-fplugin-arg-bpfinst-native=PATH");
	      bad_args = true;
	    }
	  else if (access (value, R_OK) != 0)
	    {
	      error ("bpfinst: native half %s: cannot read it: %m", value);
	      bad_args = true;
	    }
	}
      else if (strcmp (key, "digest") == 0)
	{
	  if (value == NULL || strlen (value) != 32
	      || strspn (value, "0123456789abcdefABCDEF") != 32)
	    {
	      error ("bpfinst: argument %<digest%> takes the MD5 digest "
		     "of the instrumenter, 32 hexadecimal digits");
	      bad_args = true;
	    }
	  else
	    digest = value;
	}
      else if (strcmp (key, "help") == 0)
	help = true;
      else if (strcmp (key, "tags") == 0)
	{
	  if (value != NULL && strcmp (value, "off") == 0)
	    bpfinst_tags_off = true;
	  else if (value == NULL || strcmp (value, "auto") != 0)
	    {
	      error ("bpfinst: argument %<tags%> takes %<auto%> or %<off%>");
	      bad_args = true;
	    }
	}
      else if (strcmp (key, "allow") == 0 || strcmp (key, "deny") == 0)
	{
	  bool allow = key[0] == 'a';
	  bool *have = allow ? &have_allow : &have_deny;
	  if (value == NULL || value[0] == '\0')
	    {
	      error ("bpfinst: argument %qs needs a file: use %<%s%s=FILE%>",
		     key, "-fplugin-arg-bpfinst-", key);
	      bad_args = true;
	    }
	  else if (*have)
	    {
	      error ("bpfinst: argument %qs given twice: put the lines of "
		     "both lists in one file", key);
	      bad_args = true;
	    }
	  else
	    {
	      *have = true;
	      if (!read_list (value, allow ? &allow_list : &deny_list))
		bad_args = true;
	    }
	}
      else if (strcmp (key, "switch") == 0)
	{
	  if (value != NULL && strcmp (value, "on") == 0)
	    bpfinst_switch = true;
	  else if (value != NULL && strcmp (value, "off") == 0)
	    bpfinst_switch = false;
	  else
	    {
	      error ("bpfinst: argument %<switch%> takes %<on%> or %<off%>");
	      bad_args = true;
	    }
	}
      else if (strcmp (key, "verbose") == 0)
	bpfinst_verbose = true;
      else if (strcmp (key, "stats") == 0)
	bpfinst_stats = true;
      else if (strcmp (key, "dump") == 0)
	{
	  dump = true;
	  dump_flags = value != NULL && value[0] != '\0' ? value : NULL;
	}
      else
	{
	  error ("bpfinst: unknown argument %qs (see %s)", key,
		 "-fplugin-arg-bpfinst-help");
	  bad_args = true;
	}
    }
  if (help)
    {
      fprintf (stderr, "%s\n%s", bpfinst_version, bpfinst_help);
      return 0;
    }
  if (bad_args)
    return 0;

  if (path == NULL)
    {
      path = getenv ("BPF_INST");
      if (path != NULL && path[0] == '\0')
	path = NULL;
    }
  if (path == NULL)
    {
      error ("bpfinst: no instrumenter: use %s or set %s",
	     "-fplugin-arg-bpfinst-inst=PATH", "BPF_INST");
      return 0;
    }

  if (digest != NULL && !check_digest (path, digest))
    return 0;

  bpfinst_object = load_instrumenter (path);
  if (bpfinst_object == NULL)
    return 0;

  struct register_pass_info pass_info;
  pass_info.pass = new pass_bpfinst (g);
  pass_info.reference_pass_name = "ssa";
  pass_info.ref_pass_instance_number = 1;
  pass_info.pos_op = PASS_POS_INSERT_AFTER;
  register_callback (name, PLUGIN_PASS_MANAGER_SETUP, NULL, &pass_info);
  enable_dumps (dump, dump_flags);
  register_callback (name, PLUGIN_FINISH, bpfinst_finish, NULL);
  return 0;
}

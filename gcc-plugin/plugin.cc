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

#include "bpf-emit.h"
#include "hook-table.h"
#include "plugin.h"

struct bpfi_object *bpfinst_object;

/* Has the emitter been set up for this translation unit?  */
static bool emitter_ready;

/* -fplugin-arg-bpfinst-tags=off: no tag code even if hooks use tags.  */
static bool bpfinst_tags_off;

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
  "  -fplugin-arg-bpfinst-dump[=FLAGS]\n"
  "                                  dump the instrumented functions, as\n"
  "                                  -fdump-tree-bpfinst[-FLAGS] would\n"
  "                                  (GCC reads -fdump-* options before it\n"
  "                                  loads plugins; -fdump-tree-all also\n"
  "                                  includes this dump)\n";

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
	    && !lookup_attribute ("naked", DECL_ATTRIBUTES (decl)));
  }

  unsigned int execute (function *) final override
  {
    if (!emitter_ready)
      {
	bpfi_emit_init (bpfinst_object);
	instrument_init (bpfinst_object, bpfinst_tags_off);
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
  if (bpfinst_object != NULL)
    {
      bpfi_object_free (bpfinst_object);
      bpfinst_object = NULL;
    }
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

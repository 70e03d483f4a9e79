# shellcheck shell=sh disable=SC2034
# (the variables set here are read by the scripts that source this file)
# locate-engine.sh - find GCCInst's plugin, specs file and headers.
#
# Sourced by the scripts of bpfinst-bin/ (POSIX sh).  The caller sets
# bpfinst_here to the absolute path of its own folder, then calls
# bpfinst_locate, which sets:
#   bpfinst_cc       the base compiler (env BPFINST_CC, default gcc)
#   bpfinst_plugin   the plugin, bpfinst.so
#   bpfinst_specs    the specs file that links the runtime archive
#   bpfinst_include  the folder holding bpfinst/{common,bpf,native}.h
#                    (these three by absolute path)
#   bpfinst_where    how they were found (for messages)
#   bpfinst_triplet  the target of bpfinst_cc (its -dumpmachine)
# or returns 1 with the reason in bpfinst_error.
#
# Cross compilers: when BPFINST_CC targets another machine than the main
# build's GCC, the plugin and specs file are that target's, from
# targets/TRIPLET/ in a build tree or PKGLIBDIR/TRIPLET/ once installed
# (configure --with-target-gcc=PROG); targets.txt, next to them, names
# the main build's triplet.
#
# Search order: env BPFINST_PLUGIN / BPFINST_SPECS (and BPFINST_INCLUDE);
# env BPFINST_BUILDDIR, a build tree; the folder above this one when it is a
# build tree (gcc-plugin/.libs/bpfinst.so); the installed layout, with these
# scripts in PKGLIBDIR/bpfinst-bin and the plugin and specs in PKGLIBDIR.

# Rewritten by make install to the installed headers' parent folder.
bpfinst_installed_includedir=

# shellcheck disable=SC2154  # bpfinst_here is set by the caller
bpfinst_locate ()
{
  bpfinst_cc=${BPFINST_CC:-gcc}
  bpfinst_error=
  bpfinst_where=
  _bl_plugin=
  _bl_specs=
  _bl_include=
  _bl_top=
  _bl_lib=
  if [ -n "${BPFINST_BUILDDIR-}" ]; then
    if [ ! -d "$BPFINST_BUILDDIR" ]; then
      bpfinst_error="BPFINST_BUILDDIR=$BPFINST_BUILDDIR is not a folder"
      return 1
    fi
    _bl_top=$(cd "$BPFINST_BUILDDIR" && pwd)
    bpfinst_where="build tree $_bl_top (BPFINST_BUILDDIR)"
  elif [ -f "$bpfinst_here/../gcc-plugin/.libs/bpfinst.so" ]; then
    _bl_top=$(cd "$bpfinst_here/.." && pwd)
    bpfinst_where="build tree $_bl_top"
  elif [ -f "$bpfinst_here/../bpfinst.so" ]; then
    _bl_lib=$(cd "$bpfinst_here/.." && pwd)
    _bl_plugin=$_bl_lib/bpfinst.so
    _bl_specs=$_bl_lib/bpfinst.specs
    _bl_include=$bpfinst_installed_includedir
    bpfinst_where="installation in $_bl_lib"
  fi
  if [ -n "$_bl_top" ]; then
    _bl_plugin=$_bl_top/gcc-plugin/.libs/bpfinst.so
    _bl_specs=$_bl_top/libtag/bpfinst.specs
    _bl_lib=$_bl_top/targets
    # The headers are in the source tree, which a VPATH build names in
    # its Makefile.
    _bl_src=
    if [ -f "$_bl_top/Makefile" ]; then
      _bl_src=$(sed -n 's/^abs_top_srcdir = //p' "$_bl_top/Makefile")
      if [ -n "$_bl_src" ] && [ -d "$_bl_src" ]; then
        _bl_src=$(cd "$_bl_src" && pwd)
      fi
    fi
    _bl_include=${_bl_src:-$_bl_top}/spec/include
  fi
  if [ -z "$_bl_include" ] && [ -d "$bpfinst_here/../spec/include" ]; then
    _bl_include=$(cd "$bpfinst_here/../spec/include" && pwd)
  fi

  # The compiler's target: the main build's, or one of the cross targets.
  # shellcheck disable=SC2086  # split it into words, on purpose
  bpfinst_triplet=$($bpfinst_cc -dumpmachine 2>/dev/null)
  if [ -z "${BPFINST_PLUGIN-}" ] && [ -n "$bpfinst_triplet" ] \
     && [ -n "${_bl_lib-}" ] && [ -f "$_bl_lib/targets.txt" ]; then
    _bl_main=$(sed -n 's/^main //p' "$_bl_lib/targets.txt")
    if [ -f "$_bl_lib/$bpfinst_triplet/bpfinst.so" ] \
       || grep -q "^target $bpfinst_triplet " "$_bl_lib/targets.txt"; then
      _bl_plugin=$_bl_lib/$bpfinst_triplet/bpfinst.so
      _bl_specs=$_bl_lib/$bpfinst_triplet/bpfinst.specs
      bpfinst_where="${bpfinst_where:-$_bl_lib}, target $bpfinst_triplet"
    elif [ -n "$_bl_main" ] && [ "$_bl_main" != "$bpfinst_triplet" ]; then
      _bl_all=$(sed -n 's/^\(main\|target\) \([^ ]*\).*/\2/p' \
		  "$_bl_lib/targets.txt" | tr '\n' ' ')
      bpfinst_error="$bpfinst_cc targets $bpfinst_triplet, but the engine \
in ${bpfinst_where:-$_bl_lib} is built for ${_bl_all% } only: configure \
it with --with-target-gcc=$bpfinst_cc to add that target"
      return 1
    fi
  fi

  bpfinst_plugin=${BPFINST_PLUGIN:-$_bl_plugin}
  bpfinst_specs=${BPFINST_SPECS:-$_bl_specs}
  bpfinst_include=${BPFINST_INCLUDE:-$_bl_include}

  if [ -z "$bpfinst_plugin" ] || [ -z "$bpfinst_specs" ]; then
    bpfinst_error="cannot find the engine: no build tree or installation \
around $bpfinst_here (build it with make, or set BPFINST_BUILDDIR to a build \
tree, or BPFINST_PLUGIN and BPFINST_SPECS)"
    return 1
  fi
  if [ ! -r "$bpfinst_plugin" ]; then
    bpfinst_error="plugin $bpfinst_plugin not found${bpfinst_where:+ in $bpfinst_where} (not built yet?)"
    return 1
  fi
  if [ ! -r "$bpfinst_specs" ]; then
    bpfinst_error="specs file $bpfinst_specs not found${bpfinst_where:+ in $bpfinst_where} (not built yet?)"
    return 1
  fi
  if [ -z "$bpfinst_include" ] || [ ! -r "$bpfinst_include/bpfinst/native.h" ]; then
    bpfinst_error="bpfinst headers not found${bpfinst_include:+ in $bpfinst_include} (set BPFINST_INCLUDE to the folder holding bpfinst/native.h)"
    return 1
  fi
  # By absolute path: the commands made with them may run elsewhere
  # (distcc) or in another folder.
  bpfinst_plugin=$(bpfinst_abspath "$bpfinst_plugin")
  bpfinst_specs=$(bpfinst_abspath "$bpfinst_specs")
  bpfinst_include=$(cd "$bpfinst_include" && pwd)
  # The first word of BPFINST_CC must be a command.
  # shellcheck disable=SC2086  # split it into words, on purpose
  set -- $bpfinst_cc
  if ! command -v "$1" >/dev/null 2>&1; then
    bpfinst_error="compiler '$1' not found (set BPFINST_CC)"
    return 1
  fi
  return 0
}

# After bpfinst_locate: the folder holding the bundled instrumenters, one
# folder NAME/ each (examples/instrumenters/ in a build tree,
# PKGLIBDIR/instrumenters/ once installed; env BPFINST_INSTRUMENTERS
# first), in bpfinst_instrumenters (empty when there is none), and the
# target their native halves are built for, the main build's, in
# bpfinst_main_triplet (empty when unknown).
bpfinst_locate_instrumenters ()
{
  bpfinst_instrumenters=
  bpfinst_main_triplet=
  if [ -n "${BPFINST_INSTRUMENTERS-}" ]; then
    bpfinst_instrumenters=$BPFINST_INSTRUMENTERS
  elif [ -n "$_bl_top" ]; then
    bpfinst_instrumenters=$_bl_top/examples/instrumenters
  elif [ -n "$_bl_lib" ]; then
    bpfinst_instrumenters=$_bl_lib/instrumenters
  fi
  if [ -n "$_bl_lib" ] && [ -f "$_bl_lib/targets.txt" ]; then
    bpfinst_main_triplet=$(sed -n 's/^main //p' "$_bl_lib/targets.txt")
  fi
  return 0
}

# Absolute path of file $1 (which must exist).
bpfinst_abspath ()
{
  case $1 in
    /*) printf '%s\n' "$1" ;;
    */*) printf '%s/%s\n' "$(cd "${1%/*}" && pwd)" "${1##*/}" ;;
    *) printf '%s/%s\n' "$(pwd)" "$1" ;;
  esac
}

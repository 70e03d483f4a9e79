/* afl-fuzz's edge coverage: the native half, which speaks AFL++'s
   protocol with afl-fuzz, afl-showmap, afl-tmin and afl-cmin (AFL++ 4.x).

   The map.  The BPF half (inst-bpf.c) counts edges in the MAP_SIZE bytes
   GCCINST_AFL_AREA points at.  When the environment holds __AFL_SHM_ID,
   the System V shared memory segment of that id (created by the fuzzer)
   is attached and becomes the map; otherwise the map is a private array
   and nobody reads it.  Under a fuzzer, a segment smaller than MAP_SIZE,
   or an AFL_MAP_SIZE below it, is an error: the fuzzer would not see the
   whole map.

   The fork server.  afl-fuzz starts the program once, with file
   descriptor FORKSRV_FD open for its orders and FORKSRV_FD + 1 for the
   answers.  The program announces itself with one 4-byte word (the
   options: the map's size), then for every input the fuzzer wants run:
   it reads a 4-byte order, forks, sends the child's pid, waits for the
   child and sends its wait status.  The child closes both descriptors and
   goes on into main.  Without the descriptors (no fuzzer) the first
   write fails and the program simply runs.  A failure seen before the
   announcement goes to the fuzzer as an error word in its place, so that
   afl-fuzz says what went wrong.

   The server starts in a constructor of default priority: since this
   half is linked after the program's objects, their constructors have
   run by then and are not run again for each input, as with afl-cc's
   runtime.  The map is attached earlier, so that what those constructors
   do is counted in it.  Nothing is printed unless something fails.  */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <bpfinst/native.h>

/* As in inst-bpf.c.  */
#define MAP_SIZE 65536

/* The fuzzer's descriptors: orders come in on FORKSRV_FD, answers go out
   on FORKSRV_FD + 1.  */
#define FORKSRV_FD 198

/* The announcement's bits.  */
#define FS_OPT_ENABLED 0x80000001u
#define FS_OPT_MAPSIZE 0x40000000u
#define FS_OPT_SET_MAPSIZE(n) ((uint32_t) ((n) - 1) << 1)
/* An error word instead of the announcement, and its codes.  */
#define FS_OPT_ERROR 0xf800008fu
#define FS_OPT_SET_ERROR(e) (((uint32_t) (e) & 0xffffu) << 8)
#define FS_ERROR_MAP_SIZE 1
#define FS_ERROR_SHMAT 8

static uint8_t private_map[MAP_SIZE];

/* Where the BPF half counts.  */
uint8_t *gccinst_afl_area = private_map;

uint64_t
event_dispatch_slow_call (uint64_t funct)
{
  (void) funct;
  return 0;
}

static int
write_word (uint32_t w)
{
  return write (FORKSRV_FD + 1, &w, 4) == 4;
}

/* Report failure CODE (explained by WHY) to the fuzzer when there is
   one, and on standard error; then stop.  */
static void
fail (unsigned code, const char *why)
{
  write_word (FS_OPT_ERROR | FS_OPT_SET_ERROR (code));
  fprintf (stderr, "gccinst afl: %s\n", why);
  _exit (1);
}

static void __attribute__ ((constructor (102)))
attach_map (void)
{
  const char *id = getenv ("__AFL_SHM_ID");
  const char *size = getenv ("AFL_MAP_SIZE");
  char why[160];
  struct shmid_ds ds;
  char *end;
  long n;
  void *p;

  if (!id || !*id)
    return;
  if (size && *size)
    {
      n = strtol (size, &end, 10);
      if (*end == 0 && n > 0 && n < MAP_SIZE)
	{
	  snprintf (why, sizeof why, "AFL_MAP_SIZE=%s is smaller than this "
		    "program's map: set it to %d or more", size, MAP_SIZE);
	  fail (FS_ERROR_MAP_SIZE, why);
	}
    }
  n = strtol (id, &end, 10);
  if (*end != 0 || n < 0 || n > 0x7fffffff)
    {
      snprintf (why, sizeof why, "__AFL_SHM_ID=%s is not a shared memory "
		"id", id);
      fail (FS_ERROR_SHMAT, why);
    }
  p = shmat ((int) n, NULL, 0);
  if (p == (void *) -1)
    {
      snprintf (why, sizeof why, "cannot attach the shared memory of "
		"__AFL_SHM_ID=%s: %s", id, strerror (errno));
      fail (FS_ERROR_SHMAT, why);
    }
  if (shmctl ((int) n, IPC_STAT, &ds) == 0 && ds.shm_segsz < MAP_SIZE)
    {
      snprintf (why, sizeof why, "the fuzzer's map has %lu bytes, this "
		"program needs %d: set AFL_MAP_SIZE=%d",
		(unsigned long) ds.shm_segsz, MAP_SIZE, MAP_SIZE);
      fail (FS_ERROR_MAP_SIZE, why);
    }
  gccinst_afl_area = p;
}

static void __attribute__ ((constructor))
fork_server (void)
{
  uint32_t order;
  int status;
  pid_t child;

  if (!write_word (FS_OPT_ENABLED | FS_OPT_MAPSIZE
		   | FS_OPT_SET_MAPSIZE (MAP_SIZE)))
    return;
  for (;;)
    {
      /* The order's value (whether the last child was killed for a
	 time-out) matters only to persistent programs.  0 bytes: the
	 fuzzer is gone.  */
      if (read (FORKSRV_FD, &order, 4) != 4)
	_exit (0);
      child = fork ();
      if (child < 0)
	{
	  perror ("gccinst afl: fork");
	  _exit (1);
	}
      if (child == 0)
	{
	  close (FORKSRV_FD);
	  close (FORKSRV_FD + 1);
	  return;
	}
      if (!write_word ((uint32_t) child))
	_exit (1);
      while (waitpid (child, &status, 0) < 0)
	if (errno != EINTR)
	  _exit (1);
      if (!write_word ((uint32_t) status))
	_exit (1);
    }
}

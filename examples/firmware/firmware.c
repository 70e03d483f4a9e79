/* firmware.c - a small Cortex-M3 firmware: a serial protocol front end.

   Bytes arrive from "the wire" (a fixed stream in the image, input.h) in
   bursts of varying size, as a receive interrupt would deliver them, into
   a receive ring buffer.  The main loop drains the ring through a framing
   parser (sync byte, type, length, payload, checksum), handles each
   message -- sensor readings are calibrated through a table stored in the
   image, text messages are checksummed with CRC-32 -- and, at the end,
   fills a table of results and prints it.  Output goes through newlib's
   stdio over semihosting; main's return value is the exit status (0 when
   every frame was good, 2 otherwise).

   Build (see README):
     arm-none-eabi-gcc -mcpu=cortex-m3 -mthumb -O2 --specs=rdimon.specs \
       -T mps2-an385.ld startup.S firmware.c -o firmware.elf
   Run:
     qemu-system-arm -M mps2-an385 -semihosting-config enable=on,target=native \
       -nographic -kernel firmware.elf  */

#include <stdint.h>
#include <stdio.h>

#include "input.h"

const uint32_t fw_input_size = sizeof fw_input;

/* ------------------------------------------------------------------ */
/* CRC-32 (IEEE 802.3, reflected, polynomial 0xedb88320), bit by bit:
   no table, so the code is small and every step is arithmetic.  */

static uint32_t
crc32_update (uint32_t crc, const uint8_t *p, uint32_t n)
{
  crc = ~crc;
  for (uint32_t i = 0; i < n; i++)
    {
      crc ^= p[i];
      for (int k = 0; k < 8; k++)
	crc = (crc >> 1) ^ (0xedb88320u & -(crc & 1u));
    }
  return ~crc;
}

/* ------------------------------------------------------------------ */
/* The receive ring buffer: a power-of-two array with free-running head
   and tail indices (head - tail is the fill level, even across
   wrap-around of the indices).  */

#define RING_SIZE 16u

struct ring
{
  uint8_t buf[RING_SIZE];
  uint32_t head;		/* next slot to write */
  uint32_t tail;		/* next slot to read */
  uint32_t high_water;		/* the fullest it has been */
  uint32_t overruns;		/* bytes refused because it was full */
};

static struct ring rx;

static uint32_t
ring_fill (const struct ring *r)
{
  return r->head - r->tail;
}

static int
ring_put (struct ring *r, uint8_t byte)
{
  if (ring_fill (r) == RING_SIZE)
    {
      r->overruns++;
      return 0;
    }
  r->buf[r->head % RING_SIZE] = byte;
  r->head++;
  if (ring_fill (r) > r->high_water)
    r->high_water = ring_fill (r);
  return 1;
}

static int
ring_get (struct ring *r, uint8_t *byte)
{
  if (r->head == r->tail)
    return 0;
  *byte = r->buf[r->tail % RING_SIZE];
  r->tail++;
  return 1;
}

/* ------------------------------------------------------------------ */
/* Sensor calibration, stored in the image: value = raw * scale / 256 +
   offset, per sensor.  */

struct calibration
{
  uint8_t sensor;
  uint8_t reserved;		/* 0: no padding in the table */
  int16_t offset;
  uint16_t scale;		/* 8.8 fixed point */
};

const struct calibration fw_calib[] = {
  { .sensor = 0, .offset = -40, .scale = 256 },
  { .sensor = 1, .offset = 0, .scale = 128 },
  { .sensor = 2, .offset = 5, .scale = 640 },
};
const uint32_t fw_calib_size = sizeof fw_calib;

#define NSENSORS (sizeof fw_calib / sizeof fw_calib[0])

static const struct calibration *
find_calibration (uint8_t sensor)
{
  for (unsigned i = 0; i < NSENSORS; i++)
    if (fw_calib[i].sensor == sensor)
      return &fw_calib[i];
  return NULL;
}

/* ------------------------------------------------------------------ */
/* Message handling.  */

#define SYNC 0x7e
#define MAX_PAYLOAD 32u

struct stats
{
  uint32_t frames_ok;
  uint32_t bad_checksum;
  uint32_t bad_length;
  uint32_t unknown;
  uint32_t skipped;		/* noise bytes outside frames */
  uint32_t pings;
  int32_t sensor_total;		/* sum of calibrated readings */
  uint32_t text_crc;		/* CRC-32 of all text payloads, in order */
};

static struct stats st;
static unsigned frame_no;

static void
handle_reading (const uint8_t *p)
{
  uint8_t sensor = p[0];
  uint16_t raw = (uint16_t) (p[1] | p[2] << 8);
  const struct calibration *c = find_calibration (sensor);
  if (c == NULL)
    {
      printf ("frame %u: reading from unknown sensor %u\n", frame_no,
	      (unsigned) sensor);
      st.unknown++;
      return;
    }
  int32_t value = (int32_t) (((uint32_t) raw * c->scale) >> 8) + c->offset;
  st.sensor_total += value;
  printf ("frame %u: sensor %u raw %u -> %ld\n", frame_no, (unsigned) sensor,
	  (unsigned) raw, (long) value);
}

static void
handle_text (const uint8_t *p, uint32_t len)
{
  char text[MAX_PAYLOAD + 1];
  for (uint32_t i = 0; i < len; i++)
    text[i] = (char) p[i];
  text[len] = '\0';
  st.text_crc = crc32_update (st.text_crc, p, len);
  printf ("frame %u: text \"%s\" crc32 %08lx\n", frame_no, text,
	  (unsigned long) crc32_update (0, p, len));
}

static void
handle_frame (uint8_t type, const uint8_t *p, uint32_t len)
{
  frame_no++;
  switch (type)
    {
    case 'P':
      st.pings++;
      st.frames_ok++;
      printf ("frame %u: ping\n", frame_no);
      break;
    case 'R':
      if (len != 3)
	{
	  printf ("frame %u: reading of length %lu\n", frame_no,
		  (unsigned long) len);
	  st.unknown++;
	  break;
	}
      st.frames_ok++;
      handle_reading (p);
      break;
    case 'T':
      st.frames_ok++;
      handle_text (p, len);
      break;
    default:
      printf ("frame %u: unknown type 0x%02x\n", frame_no, (unsigned) type);
      st.unknown++;
      break;
    }
}

/* ------------------------------------------------------------------ */
/* The framing parser: one byte at a time.  */

enum parse_state { HUNT, TYPE, LENGTH, PAYLOAD, CHECKSUM };

struct parser
{
  enum parse_state state;
  uint8_t type;
  uint8_t sum;
  uint32_t len;
  uint32_t got;
  uint8_t payload[MAX_PAYLOAD];
};

static struct parser ps;

static void
parse_byte (struct parser *p, uint8_t b)
{
  switch (p->state)
    {
    case HUNT:
      if (b == SYNC)
	p->state = TYPE;
      else
	st.skipped++;
      break;
    case TYPE:
      p->type = b;
      p->sum = b;
      p->state = LENGTH;
      break;
    case LENGTH:
      if (b > MAX_PAYLOAD)
	{
	  printf ("frame %u: length %u over the limit, resync\n",
		  frame_no + 1, (unsigned) b);
	  frame_no++;
	  st.bad_length++;
	  p->state = HUNT;
	  break;
	}
      p->len = b;
      p->got = 0;
      p->sum += b;
      p->state = b ? PAYLOAD : CHECKSUM;
      break;
    case PAYLOAD:
      p->payload[p->got++] = b;
      p->sum += b;
      if (p->got == p->len)
	p->state = CHECKSUM;
      break;
    case CHECKSUM:
      p->state = HUNT;
      if ((uint8_t) (p->sum + b) != 0)
	{
	  frame_no++;
	  printf ("frame %u: bad checksum\n", frame_no);
	  st.bad_checksum++;
	  break;
	}
      handle_frame (p->type, p->payload, p->len);
      break;
    }
}

/* ------------------------------------------------------------------ */
/* The results: a table the firmware fills at the end and prints.  */

struct fw_result
{
  const char *name;
  uint32_t value;
};

enum
{
  R_INPUT_CRC, R_TEXT_CRC, R_SENSOR_TOTAL, R_CALIB_CRC, R_FRAMES_OK,
  R_VERSION, R_NRESULTS
};

struct fw_result fw_results[R_NRESULTS];
const uint32_t fw_results_count = R_NRESULTS;

#define FIRMWARE_VERSION 0x00010003u

static void __attribute__ ((noinline))
set_result (unsigned i, const char *name, uint32_t value)
{
  fw_results[i].name = name;
  fw_results[i].value = value;
}

int
main (void)
{
  /* Bursts as the receive interrupt would deliver them; the main loop
     drains the ring after each one.  A burst larger than the ring is
     held back when it is full (flow control): no byte is lost.  */
  static const uint8_t bursts[] = { 1, 5, 3, 9, 2, 20, 4, 7 };
  uint32_t pos = 0;
  unsigned burst = 0;

  printf ("firmware: %lu input bytes\n", (unsigned long) fw_input_size);
  while (pos < fw_input_size)
    {
      uint32_t n = bursts[burst++ % sizeof bursts];
      while (n-- > 0 && pos < fw_input_size)
	if (ring_put (&rx, fw_input[pos]))
	  pos++;
	else
	  break;
      uint8_t b;
      while (ring_get (&rx, &b))
	parse_byte (&ps, b);
    }

  set_result (R_INPUT_CRC, "input_crc32", crc32_update (0, fw_input,
							 fw_input_size));
  set_result (R_TEXT_CRC, "text_crc32", st.text_crc);
  set_result (R_SENSOR_TOTAL, "sensor_total", (uint32_t) st.sensor_total);
  set_result (R_CALIB_CRC, "calib_crc32",
	      crc32_update (0, (const uint8_t *) fw_calib, fw_calib_size));
  set_result (R_FRAMES_OK, "frames_ok", st.frames_ok);
  set_result (R_VERSION, "version", FIRMWARE_VERSION);

  printf ("frames: %lu ok, %lu bad checksum, %lu bad length, %lu unknown, "
	  "%lu pings, %lu noise bytes\n",
	  (unsigned long) st.frames_ok, (unsigned long) st.bad_checksum,
	  (unsigned long) st.bad_length, (unsigned long) st.unknown,
	  (unsigned long) st.pings, (unsigned long) st.skipped);
  printf ("ring: high water %lu of %u, %lu overruns\n",
	  (unsigned long) rx.high_water, RING_SIZE,
	  (unsigned long) rx.overruns);
  for (unsigned i = 0; i < R_NRESULTS; i++)
    printf ("result %s = 0x%08lx\n", fw_results[i].name,
	    (unsigned long) fw_results[i].value);
  /* Exit status: 0 when every frame was good, 2 otherwise.  */
  return st.bad_checksum + st.bad_length + st.unknown == 0 ? 0 : 2;
}

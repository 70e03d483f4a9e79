/* text.c - counting (see text.h).  */

#include <ctype.h>
#include "text.h"

enum kind { LETTER, DIGIT, SPACE, PUNCT, OTHER };

static enum kind
classify (int ch)
{
  if (isalpha (ch))
    return LETTER;
  if (isdigit (ch))
    return DIGIT;
  if (is_space (ch))
    return SPACE;
  if (ispunct (ch))
    return PUNCT;
  return OTHER;
}

static int
is_vowel (int ch)
{
  switch (tolower (ch))
    {
    case 'a': case 'e': case 'i': case 'o': case 'u':
      return 1;
    case 'y':
      return 2;
    default:
      return 0;
    }
}

static void
end_word (struct counts *c, unsigned long *word)
{
  if (*word == 0)
    return;
  c->words++;
  if (*word > c->longest_word)
    c->longest_word = *word;
  *word = 0;
}

void
count_text (const char *buf, size_t len, struct counts *c)
{
  unsigned long word = 0;
  for (size_t i = 0; i < len; i++)
    {
      int ch = (unsigned char) buf[i];
      switch (classify (ch))
	{
	case LETTER:
	  c->letters++;
	  c->vowels += is_vowel (ch) == 1;
	  word++;
	  break;
	case DIGIT:
	  c->digits++;
	  word++;
	  break;
	case SPACE:
	  c->spaces++;
	  c->lines += ch == '\n';
	  end_word (c, &word);
	  break;
	case PUNCT:
	  c->punct++;
	  end_word (c, &word);
	  break;
	default:
	  c->other++;
	  end_word (c, &word);
	  break;
	}
    }
  end_word (c, &word);
}

/* Only with -c.  */
unsigned long
checksum (const char *buf, size_t len)
{
  unsigned long sum = 0;
  for (size_t i = 0; i < len; i++)
    sum = (sum * 31 + (unsigned char) buf[i]) % 65521;
  return sum;
}

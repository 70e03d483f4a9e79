#include "other.h"

long
other_add (long v)
{
  return v + 1000003;
}

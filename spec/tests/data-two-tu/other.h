long other_add (long v);

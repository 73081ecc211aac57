// PCRE2 with 8-bit code units: Hush matches bytes (UTF-8 text, not checked as UTF).
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

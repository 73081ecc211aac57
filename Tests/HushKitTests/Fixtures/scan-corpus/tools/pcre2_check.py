# Compiles every rule pattern with PCRE2 (+JIT) via ctypes and runs the unit samples,
# comparing "has a match whose secret group is non-empty" (no keyword gating / validate here).
import ctypes, json, sys
lib = ctypes.CDLL("libpcre2-8.so.0")
lib.pcre2_compile_8.restype = ctypes.c_void_p
lib.pcre2_compile_8.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_uint32, ctypes.POINTER(ctypes.c_int), ctypes.POINTER(ctypes.c_size_t), ctypes.c_void_p]
lib.pcre2_jit_compile_8.argtypes = [ctypes.c_void_p, ctypes.c_uint32]
lib.pcre2_match_data_create_from_pattern_8.restype = ctypes.c_void_p
lib.pcre2_match_data_create_from_pattern_8.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
lib.pcre2_match_8.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_size_t, ctypes.c_uint32, ctypes.c_void_p, ctypes.c_void_p]
lib.pcre2_get_error_message_8.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_size_t]
lib.pcre2_get_ovector_pointer_8.restype = ctypes.POINTER(ctypes.c_size_t)
lib.pcre2_get_ovector_pointer_8.argtypes = [ctypes.c_void_p]
lib.pcre2_substring_number_from_name_8.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
PCRE2_UTF = 0x00080000
rows = json.load(open(sys.argv[1]))
bad = 0
import re
for r in rows:
    pat = r["pattern"].encode()
    err = ctypes.c_int(); off = ctypes.c_size_t()
    code = lib.pcre2_compile_8(pat, len(pat), PCRE2_UTF, ctypes.byref(err), ctypes.byref(off), None)
    if not code:
        buf = ctypes.create_string_buffer(256); lib.pcre2_get_error_message_8(err.value, buf, 256)
        print("COMPILE", r["id"], buf.value.decode(), "at", off.value); bad += 1; continue
    j = lib.pcre2_jit_compile_8(code, 1)
    if j != 0: print("JIT", r["id"], j); bad += 1
    md = lib.pcre2_match_data_create_from_pattern_8(code, None)
    def secrets(text):
        t = text.encode(); out = []; start = 0
        while start <= len(t):
            rc = lib.pcre2_match_8(code, t, len(t), start, 0, md, None)
            if rc < 0: break
            ov = lib.pcre2_get_ovector_pointer_8(md)
            n = lib.pcre2_substring_number_from_name_8(code, b"secret")
            if n > 0 and ov[2*n] != ctypes.c_size_t(-1).value: s = t[ov[2*n]:ov[2*n+1]]
            else: s = t[ov[0]:ov[1]]
            out.append(s.decode())
            start = ov[1] if ov[1] > ov[0] else ov[0] + 1
        return out
    r["pcre_hits"] = [secrets(h) for h in r["hits"]]
    r["pcre_misses"] = [secrets(m) for m in r["misses"]]
    for h, s in zip(r["hits"], r["pcre_hits"]):
        if not s: print("PCRE2 MISSED HIT", r["id"], repr(h[:80])); bad += 1
json.dump(rows, open(sys.argv[2], "w"))
print("patterns:", len(rows), "problems:", bad)
diff = 0
for r in rows:
    if "pcre_hits" not in r: continue
    for k in ("hits", "misses"):
        for text, a, b in zip(r[k], r["icu_" + k], r["pcre_" + k]):
            if a != b:
                diff += 1; print("DIFF", r["id"], k, repr(text[:60]), a, b)
print("ICU/PCRE2 differences:", diff)

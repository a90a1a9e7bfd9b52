// Bytes and strings into the module's heap, for one call, and freed after it.

// Calls fn(pointer, length) with `text` as a NUL-terminated UTF-8 string in the module's heap.
export function withCString(module, text, fn) {
  return withBytes(module, new TextEncoder().encode(text + '\0'), (pointer, size) => fn(pointer, size - 1));
}

export function withBytes(module, bytes, fn) {
  const pointer = mallocOrThrow(module, bytes.length);
  try {
    module.HEAPU8.set(bytes, pointer);
    return fn(pointer, bytes.length);
  } finally {
    module._free(pointer);
  }
}

function mallocOrThrow(module, size) {
  const pointer = module._malloc(Math.max(1, size));
  if (!pointer) throw new Error('out of memory for ' + Math.round(size / 1048576) + ' MB');
  return pointer;
}

#!/usr/bin/env node
// The `belong` binary: the compiled CLI (run `npm run build` first).
import '../dist/cli/main.js';

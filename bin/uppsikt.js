#!/usr/bin/env node
// The `uppsikt` command runs the bundle that `npm run build` writes.
import '../dist/uppsikt.js';

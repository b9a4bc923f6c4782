#!/usr/bin/env node
// Runs the TypeScript sources directly (no build step): tsx's ESM hook is registered first,
// then the entry point is imported through it.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');

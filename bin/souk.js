#!/usr/bin/env node
// The CLI is TypeScript run through tsx's loader, so `souk` works from a checkout without a build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');

#!/usr/bin/env node
import '../dist/verify-cli.js';

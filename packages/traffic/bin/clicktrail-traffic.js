#!/usr/bin/env node
import '../dist/traffic-cli.js';

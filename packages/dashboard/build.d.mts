export declare function buildServer(
  outfile?: string,
  options?: { embedded?: boolean },
): Promise<string>;
export declare function buildArtifact(outDir?: string): Promise<string>;

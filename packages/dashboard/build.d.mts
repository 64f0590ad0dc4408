export declare function buildServer(outfile?: string): Promise<string>;
export declare function buildArtifact(outDir?: string): Promise<string>;

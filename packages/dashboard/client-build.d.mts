export declare function buildClientScript(): Promise<string>;

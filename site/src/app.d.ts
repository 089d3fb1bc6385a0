// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
  namespace App {
    interface Error {
      message: string;
      /** 'network' | 'not_found' | 'auth' | 'forbidden' | 'invalid' | 'unknown' */
      kind?: string;
    }
  }
}

export {};

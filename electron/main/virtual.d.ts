// Build-time modules made by plugins in electron.vite.config.ts.
declare module 'virtual:fairshare-licenses' {
  /** Licence texts of the packages the app ships. */
  const text: string;
  export default text;
}

/** The extension's own pages that code opens by address. */
export const WELCOME_PAGE = 'src/welcome/index.html';

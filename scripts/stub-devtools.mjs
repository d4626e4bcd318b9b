// Stand-in for react-devtools-core, which Ink loads only in development (DEV=true).
export default { initialize() {}, connectToDevTools() {} };

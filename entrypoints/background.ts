export default defineBackground(() => {
  // wired in src/background
});

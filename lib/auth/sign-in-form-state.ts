/** What the sign-in action answers the form with. */
export interface SignInFormState {
  message: string | null;
  /** Echoed back so a failed attempt keeps what the person typed as login (never the password). */
  login: string;
}
